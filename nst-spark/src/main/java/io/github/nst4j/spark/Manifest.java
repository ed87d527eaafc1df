package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ParameterException;

/**
 * Work items listed in a manifest: CSV with a header, or JSON lines, one item per row with the keys
 * {@code content} (empty or absent for texture synthesis), {@code style} and {@code output}. Any other
 * key overrides a setting for that row, named as the option ({@code --size} or {@code size}). With
 * {@code --model}, a row has {@code content} and {@code output}, and optionally {@code size}: the model
 * is the style. Relative paths are relative to the manifest's directory.
 */
final class Manifest {
    private static final String CONTENT = "content";
    private static final String STYLE = "style";
    private static final String OUTPUT = "output";
    private static final String CORRUPT = "_corrupt_record";
    private static final Set<String> MODEL_SETTINGS = Set.of("size", "--size");

    private Manifest() {
    }

    /**
     * Reads the manifest and checks every row's settings against {@code commonArguments}, and that
     * no two rows write one output and none writes over an input.
     *
     * @param model the {@code --model} URI, or null for style transfers
     * @throws InputRefusedException naming the row and the problem
     */
    static JobPlan plan(SparkSession spark, HadoopFiles files, String uri, List<String> commonArguments,
            String model) {
        Dataset<Row> rows = read(spark, files, uri);
        Set<String> columns = Set.of(rows.columns());
        if (model == null) {
            requireColumns(columns, uri, List.of(STYLE, OUTPUT), "content, style and output (and optionally"
                    + " settings such as size)");
        } else {
            checkModelColumns(columns, uri);
        }
        Path base = new Path(uri).getParent();
        List<WorkItem> items = new ArrayList<>();
        int number = 0;
        for (Row row : rows.collectAsList()) {
            number++;
            if (columns.contains(CORRUPT) && row.getAs(CORRUPT) != null) {
                throw new InputRefusedException("Row " + number + " of the --manifest " + uri
                        + " is not a JSON object: " + row.getAs(CORRUPT));
            }
            String where = "Row " + number + " of the --manifest " + uri;
            items.add(model == null ? item(row, base, where, commonArguments)
                    : modelItem(row, base, where, commonArguments));
        }
        if (items.isEmpty()) {
            throw new InputRefusedException("The --manifest " + uri + " lists no items");
        }
        DistinctOutputs.require(items, files, i -> "row " + (i + 1), "In the --manifest " + uri + ", ",
                model == null ? List.of() : List.of(model));
        return new JobPlan(items, List.of());
    }

    private static void requireColumns(Set<String> columns, String uri, List<String> required, String needs) {
        for (String column : required) {
            if (!columns.contains(column)) {
                throw new InputRefusedException("The --manifest " + uri + " has no '" + column + "' column; it"
                        + " needs " + needs);
            }
        }
    }

    /** A model's manifest: content and output, optionally size; a style column is a mistake to name. */
    private static void checkModelColumns(Set<String> columns, String uri) {
        requireColumns(columns, uri, List.of(CONTENT, OUTPUT), "content and output (and optionally size) with"
                + " --model");
        for (String column : columns.stream().sorted().toList()) {
            if (column.equals(STYLE)) {
                throw new InputRefusedException("The --manifest " + uri + " has a 'style' column, but with --model"
                        + " the model is the style; give content, output and optionally size");
            }
            if (!Set.of(CONTENT, OUTPUT, CORRUPT).contains(column) && !MODEL_SETTINGS.contains(column)) {
                throw new InputRefusedException("The --manifest " + uri + " has the column '" + column
                        + "', which does not apply with --model; a row has content, output and optionally size");
            }
        }
    }

    private static Dataset<Row> read(SparkSession spark, HadoopFiles files, String uri) {
        // Spark's reader would answer a missing file with an AnalysisException and its stack trace.
        try {
            if (!files.exists(uri)) {
                throw new InputRefusedException("The --manifest " + uri + " does not exist (check the path)");
            }
        } catch (IOException e) {
            throw new InputRefusedException("Cannot read the --manifest " + uri + ": " + e.getMessage(), e);
        }
        String name = uri.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return spark.read().option("header", true).csv(uri);
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl")) {
            return spark.read().json(uri);
        }
        throw new InputRefusedException("Unknown --manifest format: " + uri + " (name it .csv, .json or .jsonl)");
    }

    private static WorkItem item(Row row, Path base, String where, List<String> commonArguments) {
        String style = path(row, STYLE, base);
        String output = path(row, OUTPUT, base);
        if (style == null || output == null) {
            throw new InputRefusedException(where + " needs a style and an output");
        }
        checkFormat(output, where);
        WorkItem item = new WorkItem(path(row, CONTENT, base), style, output, overrides(row));
        try {
            ItemSettings.parse(new JobSpec(commonArguments, null, null, null).argumentsFor(item));
        } catch (ParameterException e) {
            throw new InputRefusedException(where + ": " + e.getMessage(), e);
        }
        return item;
    }

    private static WorkItem modelItem(Row row, Path base, String where, List<String> commonArguments) {
        String content = path(row, CONTENT, base);
        String output = path(row, OUTPUT, base);
        if (content == null || output == null) {
            throw new InputRefusedException(where + " needs a content and an output");
        }
        checkFormat(output, where);
        WorkItem item = new WorkItem(content, null, output, overrides(row));
        try {
            ModelSettings.size(new JobSpec(commonArguments, null, null, null).argumentsFor(item));
        } catch (IllegalArgumentException e) {
            throw new InputRefusedException(where + ": " + e.getMessage(), e);
        }
        return item;
    }

    private static void checkFormat(String output, String where) {
        try {
            ImageWriter.formatOf(java.nio.file.Path.of(WorkItem.fileName(output)));
        } catch (NstException e) {
            throw new InputRefusedException(where + ": " + e.getMessage(), e);
        }
    }

    /** The row's settings: every column but the paths, as {@code --option=value}. */
    private static List<String> overrides(Row row) {
        List<String> overrides = new ArrayList<>();
        for (String column : row.schema().fieldNames()) {
            Object value = row.getAs(column);
            if (!Set.of(CONTENT, STYLE, OUTPUT, CORRUPT).contains(column) && value != null) {
                overrides.add((column.startsWith("--") ? column : "--" + column) + "=" + value);
            }
        }
        return overrides;
    }

    private static String path(Row row, String column, Path base) {
        if (!List.of(row.schema().fieldNames()).contains(column)) {
            return null;
        }
        Object value = row.getAs(column);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Path path = new Path(value.toString().trim());
        return (path.isAbsolute() || base == null ? path : new Path(base, path)).toString();
    }
}
