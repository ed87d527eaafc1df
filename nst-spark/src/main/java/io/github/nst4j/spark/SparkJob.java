package io.github.nst4j.spark;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/** Spreads the work items over the executors and gathers what became of each. */
final class SparkJob {
    private SparkJob() {
    }

    /**
     * Runs every item, {@code partitions} tasks in all (each running its items one after another).
     *
     * @return one result per item, in the items' order
     */
    static List<ItemResult> run(SparkSession spark, List<WorkItem> items, JobSpec spec, int partitions) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.setJobDescription("nst4j: " + items.size() + (spec.model() == null ? " style transfers"
                : " images through the model " + WorkItem.fileName(spec.model().value().uri())));
        Broadcast<HadoopConfiguration> hadoop = context.broadcast(
                new HadoopConfiguration(context.hadoopConfiguration()));
        Progress progress = new Progress(spark.sparkContext());
        return context.parallelize(items, partitions)
                .mapPartitions(new PartitionTask(spec, hadoop, progress))
                .collect();
    }
}
