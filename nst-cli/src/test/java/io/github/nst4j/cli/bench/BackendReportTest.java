package io.github.nst4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nst bench}'s backend report: a summary a user can read, not ND4J's internal maps. */
class BackendReportTest {
    @Test
    void theBackendIsOneLineOfPlainFacts() {
        StringWriter text = new StringWriter();
        BackendReport.print(new PrintWriter(text, true));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Backend:        CPU").contains(" cores, ").contains(" BLAS with ");
        assertThat(lines.get(1)).startsWith("Native library: ");
        assertThat(lines.get(2)).startsWith("Memory limits:  ");
        assertThat(text.toString()).doesNotContain("{").doesNotContain("memoryBandwidth").doesNotContain(" = ");
    }
}
