package io.github.nst4j.tests.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * nst4j's floor plan: no package cycles, the DL4J workarounds used by the engine only, a library
 * that knows nothing of the command line, and front ends (the command line, the Spark job) that use
 * the public API only. Each rule is also run on a fixture that breaks it, so a rule that could never
 * fail would show.
 */
class ArchitectureTest {
    private static final String PROJECT = "io.github.nst4j";
    private static final String FIXTURE = "io.github.nst4j.tests.architecture.fixture";
    private static final String[] COMMAND_LINE_LIBRARIES = {"picocli..", "me.tongfei.progressbar..", "org.knowm.xchart.."};

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PROJECT);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void noPackageCycles() {
        ArchitectureRules.noPackageCycles(PROJECT).check(PRODUCT);
    }

    @Test
    void onlyTheEngineUsesTheWorkarounds() {
        ArchitectureRules.onlyTheEngineUsesTheWorkarounds(PROJECT).check(PRODUCT);
    }

    @Test
    void theLibraryKnowsNoCommandLine() {
        ArchitectureRules.theLibraryKnowsNoCommandLine(PROJECT, COMMAND_LINE_LIBRARIES).check(PRODUCT);
    }

    @Test
    void theCommandLineUsesThePublicApi() {
        ArchitectureRules.theCommandLineUsesThePublicApi(PROJECT).check(PRODUCT);
    }

    @Test
    void everyRuleCatchesTheFixtureThatBreaksIt() {
        assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(FIXTURE).check(BROKEN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> ArchitectureRules.onlyTheEngineUsesTheWorkarounds(FIXTURE).check(BROKEN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cli.Cli");
        assertThatThrownBy(() -> ArchitectureRules.theLibraryKnowsNoCommandLine(FIXTURE, "picocli..").check(BROKEN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("loss.Loss");
        assertThatThrownBy(() -> ArchitectureRules.theCommandLineUsesThePublicApi(FIXTURE).check(BROKEN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cli.Cli");
    }
}
