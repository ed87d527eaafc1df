package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.image.Images;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a standalone master and worker, with its executor in a JVM of its own: style transfers,
 * then a {@code --model} job, whose model reaches the executor by broadcast.
 */
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
        Path model = TestModels.write(dir.resolve("m.nstm"), 5);
        Path styled = dir.resolve("styled");
        Path modelReport = dir.resolve("model-report.csv");

        try (StandaloneCluster cluster = new StandaloneCluster(dir, 2, "2g")) {
            System.setProperty("spark.executor.extraClassPath", cluster.executorClassPath());
            System.setProperty("spark.executor.memory", "1500m");
            System.setProperty("spark.executor.cores", "2");
            SparkRun run;
            SparkRun modelRun;
            try {
                run = SparkRun.on(cluster.masterUrl(), "--content-dir", dir.resolve("contents").toString(),
                        "--style-dir", dir.resolve("styles").toString(), "--output-dir", out.toString(),
                        "--report", report.toString(), "--size", "32", "--iterations", "2", "--weights", "random");
                modelRun = SparkRun.on(cluster.masterUrl(), "--model", model.toString(), "--content-dir",
                        dir.resolve("contents").toString(), "--output-dir", styled.toString(), "--report",
                        modelReport.toString());
            } finally {
                List.of("spark.executor.extraClassPath", "spark.executor.memory", "spark.executor.cores")
                        .forEach(System::clearProperty);
            }

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("2 items: 2 done, 0 skipped, 0 failed");
            assertThat(modelRun.exitCode()).as(modelRun.out() + modelRun.err()).isZero();
            assertThat(modelRun.out()).contains("2 items: 2 done, 0 skipped, 0 failed");
        }
        // Not the driver: an executor of the worker ran them.
        for (Path csv : List.of(report, modelReport)) {
            List<Map<String, String>> rows = ReportRows.read(csv);
            assertThat(rows).as(csv.toString()).hasSize(2).allSatisfy(row -> {
                assertThat(row.get("status")).isEqualTo("done");
                assertThat(row.get("executor")).doesNotStartWith("driver");
            });
        }
        assertThat(out.resolve("a_s.png")).isNotEmptyFile();
        assertThat(out.resolve("b_s.png")).isNotEmptyFile();
        FastStyleModel api = FastStyleModel.load(model);
        for (String name : List.of("a", "b")) {
            assertThat(TestImages.pixels(styled.resolve(name + ".png"))).as(name).isEqualTo(
                    TestImages.pixels(api.stylize(Images.read(dir.resolve("contents/" + name + ".png")))));
        }
    }
}
