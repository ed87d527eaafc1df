package io.github.nst4j.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The layering rules of nst4j, each for a root package so that the rules can be checked on the
 * project ({@code io.github.nst4j}) and, to show that they catch violations, on fixtures.
 */
final class ArchitectureRules {
    /** Packages of nst-core's engine: the only ones that may use the DL4J workarounds. */
    private static final String[] ENGINE = {"network", "loss", "optim", "fast", "workaround"};
    /** The front ends: the command line and the Spark job (which takes the command line's options). */
    private static final String[] FRONT_ENDS = {"cli", "spark"};
    /** Engine packages that are not part of the public API a front end may use. */
    private static final String[] ENGINE_INTERNALS = {"loss", "optim", "workaround"};

    private ArchitectureRules() {
    }

    /** Every package is its own slice: no package may depend, even indirectly, on itself. */
    static ArchRule noPackageCycles(String root) {
        return SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages under " + root;
            }
        }).should().beFreeOfCycles();
    }

    /** Only the engine packages use the DL4J workaround package. */
    static ArchRule onlyTheEngineUsesTheWorkarounds(String root) {
        return classes().that().resideInAPackage(root + ".workaround..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(packages(root, ENGINE))
                .allowEmptyShould(true);
    }

    /** The library depends on nothing of the command line: not its classes, nor its libraries. */
    static ArchRule theLibraryKnowsNoCommandLine(String root, String... libraryPackages) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(concat(packages(root, FRONT_ENDS),
                        new String[] {root + ".examples..", root + ".tests.."}))
                .should().dependOnClassesThat().resideInAnyPackage(concat(new String[] {root + ".cli.."},
                        libraryPackages));
    }

    /** The front ends use the library's public API only, not the engine's internals. */
    static ArchRule theCommandLineUsesThePublicApi(String root) {
        return noClasses().that().resideInAnyPackage(packages(root, FRONT_ENDS))
                .should().dependOnClassesThat().resideInAnyPackage(packages(root, ENGINE_INTERNALS));
    }

    private static String[] packages(String root, String[] names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = root + "." + names[i] + "..";
        }
        return packages;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
