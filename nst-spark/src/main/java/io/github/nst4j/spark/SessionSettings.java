package io.github.nst4j.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The Spark settings the job chooses when the user did not: one item at a time per executor, with
 * all of its cores. An item's optimisation already keeps every core busy, and two at once would
 * each need the whole off-heap memory of an item.
 */
final class SessionSettings {
    static final String TASK_CPUS = "spark.task.cpus";
    static final String EXECUTOR_CORES = "spark.executor.cores";
    /** The native libraries' (OpenMP's) threads per executor. */
    static final String OMP_THREADS = "spark.executorEnv.OMP_NUM_THREADS";
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

    private SessionSettings() {
    }

    /**
     * Sets {@code spark.task.cpus} to the executor's cores ({@code spark.executor.cores}, or N of
     * {@code local[N]}) and the executors' OpenMP threads to the same, unless given; runs on
     * {@code local[*]} when no master is set.
     */
    static SparkConf apply(SparkConf conf) {
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", "nst4j");
        int cores = executorCores(conf);
        if (cores > 1) {
            conf.setIfMissing(TASK_CPUS, String.valueOf(cores));
        }
        conf.setIfMissing(OMP_THREADS, conf.get(TASK_CPUS, "1"));
        return conf;
    }

    /** The cores of one executor, or 0 when the cluster manager decides. */
    private static int executorCores(SparkConf conf) {
        if (conf.contains(EXECUTOR_CORES)) {
            return conf.getInt(EXECUTOR_CORES, 1);
        }
        Matcher local = LOCAL.matcher(conf.get("spark.master"));
        if (local.matches()) {
            return local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(local.group(1));
        }
        return 0;
    }
}
