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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The job's report, one row per item: a single CSV file (written by the driver, complete or not at
 * all) or a Parquet dataset (a directory, as Spark writes Parquet). A {@code --model} job's report has
 * no style or loss columns: its items have no style image, and no loss measured them.
 */
final class Report {
    /** The columns that only a style transfer fills. */
    private static final Set<String> TRANSFER_ONLY = Set.of("style", "content_loss", "style_loss", "tv_loss",
            "total_loss");

    /** A column of the report: its name and type, and its value in an item's row. */
    private record Column(String name, DataType type, boolean nullable, Function<ItemResult, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("content", DataTypes.StringType, true, r -> r.item().content()),
            new Column("style", DataTypes.StringType, false, r -> r.item().style()),
            new Column("output", DataTypes.StringType, false, r -> r.item().output()),
            new Column("status", DataTypes.StringType, false, r -> r.status().name().toLowerCase(Locale.ROOT)),
            new Column("seconds", DataTypes.DoubleType, false, ItemResult::seconds),
            new Column("content_loss", DataTypes.DoubleType, true, r -> orNull(r.contentLoss())),
            new Column("style_loss", DataTypes.DoubleType, true, r -> orNull(r.styleLoss())),
            new Column("tv_loss", DataTypes.DoubleType, true, r -> orNull(r.tvLoss())),
            new Column("total_loss", DataTypes.DoubleType, true, r -> orNull(r.totalLoss())),
            new Column("error", DataTypes.StringType, true, ItemResult::error),
            new Column("note", DataTypes.StringType, true, ItemResult::note),
            new Column("executor", DataTypes.StringType, false, ItemResult::executor),
            new Column("attempt", DataTypes.IntegerType, false, ItemResult::attempt));

    private Report() {
    }

    /** Refuses a report path of another format before any work is done. */
    static void checkName(String uri) {
        if (!isCsv(uri) && !isParquet(uri)) {
            throw new NstException("Unknown --report format: " + uri + " (name it .csv or .parquet)");
        }
    }

    /**
     * Writes the report of {@code results} to {@code uri}.
     *
     * @param model whether the items were a {@code --model}'s, which leaves out the style and loss columns
     */
    static void write(SparkSession spark, HadoopFiles files, List<ItemResult> results, String uri, boolean model) {
        List<Column> columns = COLUMNS.stream().filter(c -> !model || !TRANSFER_ONLY.contains(c.name())).toList();
        if (isCsv(uri)) {
            writeCsv(files, results, uri, columns);
        } else {
            spark.createDataFrame(rows(results, columns), schema(columns)).coalesce(1).write()
                    .mode(SaveMode.Overwrite).parquet(uri);
        }
    }

    private static boolean isCsv(String uri) {
        return uri.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isParquet(String uri) {
        return uri.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    private static void writeCsv(HadoopFiles files, List<ItemResult> results, String uri, List<Column> columns) {
        Path target = new Path(uri);
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = files.fileSystem(target);
            fs.mkdirs(target.getParent());
            try (OutputStream stream = fs.create(temp, true);
                    Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
                out.write(String.join(",", schema(columns).fieldNames()) + "\n");
                for (Row row : rows(results, columns)) {
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

    private static List<Row> rows(List<ItemResult> results, List<Column> columns) {
        return results.stream()
                .map(result -> RowFactory.create(columns.stream().map(c -> c.value().apply(result)).toArray()))
                .toList();
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static StructType schema(List<Column> columns) {
        StructType schema = new StructType();
        for (Column column : columns) {
            schema = schema.add(column.name(), column.type(), column.nullable());
        }
        return schema;
    }
}
