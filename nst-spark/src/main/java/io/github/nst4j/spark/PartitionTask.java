package io.github.nst4j.spark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/** The work of one Spark task: the items of its partition, one after another. */
final class PartitionTask implements FlatMapFunction<Iterator<WorkItem>, ItemResult> {
    private static final long serialVersionUID = 1L;

    private final JobSpec spec;
    private final Broadcast<HadoopConfiguration> hadoop;
    private final Progress progress;

    PartitionTask(JobSpec spec, Broadcast<HadoopConfiguration> hadoop, Progress progress) {
        this.spec = spec;
        this.hadoop = hadoop;
        this.progress = progress;
    }

    @Override
    public Iterator<ItemResult> call(Iterator<WorkItem> items) {
        TaskContext context = TaskContext.get();
        ItemRunner runner = new ItemRunner(spec, new HadoopFiles(hadoop.value().get()), new ItemRunner.TaskInfo(
                executor(), context.attemptNumber(), context.stageId() + "-" + context.taskAttemptId()));
        List<ItemResult> results = new ArrayList<>();
        while (items.hasNext()) {
            ItemResult result = runner.run(items.next());
            progress.count(result.status());
            results.add(result);
        }
        return results.iterator();
    }

    private static String executor() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return SparkEnv.get().executorId() + "@" + host;
    }
}
