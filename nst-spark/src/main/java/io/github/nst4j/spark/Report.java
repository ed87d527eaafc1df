package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The job's report, one row per item: a single CSV file (written by the driver, complete or not at
 * all) or a Parquet dataset (a directory, as Spark writes Parquet).
 */
final class Report {
    private Report() {
    }

    /** Refuses a report path of another format before any work is done. */
    static void checkName(String uri) {
        if (!isCsv(uri) && !isParquet(uri)) {
            throw new NstException("Unknown --report format: " + uri + " (name it .csv or .parquet)");
        }
    }

    static void write(SparkSession spark, HadoopFiles files, List<ItemResult> results, String uri) {
        if (isCsv(uri)) {
            writeCsv(files, results, uri);
        } else {
            spark.createDataFrame(rows(results), schema()).coalesce(1).write().mode(SaveMode.Overwrite).parquet(uri);
        }
    }

    private static boolean isCsv(String uri) {
        return uri.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isParquet(String uri) {
        return uri.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    private static void writeCsv(HadoopFiles files, List<ItemResult> results, String uri) {
        Path target = new Path(uri);
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = files.fileSystem(target);
            fs.mkdirs(target.getParent());
            try (OutputStream stream = fs.create(temp, true);
                    Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
                out.write(String.join(",", schema().fieldNames()) + "\n");
                for (Row row : rows(results)) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        cells.add(csvCell(row.get(i)));
                    }
                    out.write(String.join(",", cells) + "\n");
                }
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(temp, target)) {
                fs.delete(temp, false);
                throw new NstException("Cannot rename the report " + temp + " to " + target);
            }
        } catch (IOException e) {
            throw new NstException("Cannot write the --report " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Quoted when it holds a comma, a quote or a line break; nothing for null. */
    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static List<Row> rows(List<ItemResult> results) {
        List<Row> rows = new ArrayList<>();
        for (ItemResult r : results) {
            WorkItem item = r.item();
            rows.add(RowFactory.create(item.content(), item.style(), item.output(),
                    r.status().name().toLowerCase(Locale.ROOT), r.seconds(), orNull(r.contentLoss()),
                    orNull(r.styleLoss()), orNull(r.tvLoss()), orNull(r.totalLoss()), r.error(), r.note(), r.executor(),
                    r.attempt()));
        }
        return rows;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static StructType schema() {
        return new StructType()
                .add("content", DataTypes.StringType)
                .add("style", DataTypes.StringType, false)
                .add("output", DataTypes.StringType, false)
                .add("status", DataTypes.StringType, false)
                .add("seconds", DataTypes.DoubleType, false)
                .add("content_loss", DataTypes.DoubleType)
                .add("style_loss", DataTypes.DoubleType)
                .add("tv_loss", DataTypes.DoubleType)
                .add("total_loss", DataTypes.DoubleType)
                .add("error", DataTypes.StringType)
                .add("note", DataTypes.StringType)
                .add("executor", DataTypes.StringType, false)
                .add("attempt", DataTypes.IntegerType, false);
    }
}
