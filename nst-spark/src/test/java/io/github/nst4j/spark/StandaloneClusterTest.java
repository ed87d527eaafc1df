package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on a standalone master and worker, with its executor in a JVM of its own. */
@Tag("evidence") // a master, a worker and an executor JVM on loopback
class StandaloneClusterTest {
    @TempDir
    Path dir;

    @Test
    void theJobRunsOnAStandaloneClusterOnLoopback() throws Exception {
        TestImages.write(dir.resolve("contents/a.png"), 32, 32, 1);
        TestImages.write(dir.resolve("contents/b.png"), 32, 32, 2);
        TestImages.write(dir.resolve("styles/s.png"), 32, 32, 3);
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");

        try (StandaloneCluster cluster = new StandaloneCluster(dir, 2, "2g")) {
            System.setProperty("spark.executor.extraClassPath", cluster.executorClassPath());
            System.setProperty("spark.executor.memory", "1500m");
            System.setProperty("spark.executor.cores", "2");
            SparkRun run;
            try {
                run = SparkRun.on(cluster.masterUrl(), "--content-dir", dir.resolve("contents").toString(),
                        "--style-dir", dir.resolve("styles").toString(), "--output-dir", out.toString(),
                        "--report", report.toString(), "--size", "32", "--iterations", "2", "--weights", "random");
            } finally {
                List.of("spark.executor.extraClassPath", "spark.executor.memory", "spark.executor.cores")
                        .forEach(System::clearProperty);
            }

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("2 items: 2 done, 0 skipped, 0 failed");
        }
        List<Map<String, String>> rows = ReportRows.read(report);
        // Not the driver: an executor of the worker ran them.
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("done");
            assertThat(row.get("executor")).doesNotStartWith("driver");
        });
        assertThat(out.resolve("a_s.png")).isNotEmptyFile();
        assertThat(out.resolve("b_s.png")).isNotEmptyFile();
    }
}
