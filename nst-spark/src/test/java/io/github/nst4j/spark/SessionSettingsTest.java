package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** One item at a time per executor, with all its cores, unless told otherwise. */
class SessionSettingsTest {
    @Test
    void aTaskTakesEveryCoreOfALocalMaster() {
        SparkConf conf = SessionSettings.apply(new SparkConf(false).setMaster("local[3,2]"));

        assertThat(conf.get(SessionSettings.TASK_CPUS)).isEqualTo("3");
        assertThat(conf.get(SessionSettings.OMP_THREADS)).isEqualTo("3");
    }

    @Test
    void aTaskTakesEveryCoreOfAClusterExecutor() {
        SparkConf conf = SessionSettings.apply(new SparkConf(false).setMaster("yarn")
                .set(SessionSettings.EXECUTOR_CORES, "8"));

        assertThat(conf.get(SessionSettings.TASK_CPUS)).isEqualTo("8");
        assertThat(conf.get(SessionSettings.OMP_THREADS)).isEqualTo("8");
    }

    @Test
    void theUsersOwnSettingsWin() {
        SparkConf conf = SessionSettings.apply(new SparkConf(false).setMaster("local[4]")
                .set(SessionSettings.TASK_CPUS, "2").set(SessionSettings.OMP_THREADS, "1"));

        assertThat(conf.get(SessionSettings.TASK_CPUS)).isEqualTo("2");
        assertThat(conf.get(SessionSettings.OMP_THREADS)).isEqualTo("1");
    }

    @Test
    void withoutAMasterItRunsOnEveryLocalCore() {
        SparkConf conf = SessionSettings.apply(new SparkConf(false));

        assertThat(conf.get("spark.master")).isEqualTo("local[*]");
        assertThat(conf.getInt(SessionSettings.TASK_CPUS, 1)).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
