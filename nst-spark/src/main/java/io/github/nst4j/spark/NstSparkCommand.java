package io.github.nst4j.spark;

import io.github.nst4j.cli.transfer.CoreDefaults;
import io.github.nst4j.cli.transfer.TransferOptions;
import io.github.nst4j.error.NstException;
import io.github.nst4j.network.InputConvention;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code nst-spark} job: many style transfers spread over a Spark cluster. */
@Command(name = "nst-spark",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        defaultValueProvider = CoreDefaults.class,
        description = {
            "Style transfer of many images on Apache Spark: every item of a --manifest, or every content x"
                    + " style pair of --content-dir and --style-dir. Paths are Hadoop URIs (file:, hdfs:, s3a:)."
                    + " An item whose output exists, made with the same settings and inputs (as its .properties"
                    + " record beside it says), is skipped, so a re-run finishes what is left; other outputs are"
                    + " rendered again.",
            "The transfer options are nst's, with the same defaults; a manifest row overrides them for its item."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  spark-submit --class io.github.nst4j.spark.NstSparkMain nst-spark-all.jar \\",
            "      --content-dir hdfs:///photos --style-dir hdfs:///paintings \\",
            "      --output-dir hdfs:///styled --report hdfs:///styled/report.csv \\",
            "      --weights hdfs:///models/vgg19_dl4j_inference.zip"
        })
final class NstSparkCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--manifest", paramLabel = "URI", showDefaultValue = Help.Visibility.NEVER,
            description = "CSV (with a header) or JSON lines (.json, .jsonl) with the columns content, style,"
                    + " output, and any transfer option (e.g. size or --style-weight) to set for that row.")
    private String manifest;

    @Option(names = "--content-dir", paramLabel = "URI", description = "Directory of content images.")
    private String contentDir;

    @Option(names = "--style-dir", paramLabel = "URI", description = "Directory of style images.")
    private String styleDir;

    @Option(names = "--output-dir", paramLabel = "URI",
            description = "Where <content>_<style>.png go, with --content-dir and --style-dir (images that share"
                    + " a name keep their extensions: chelsea_png_<style>.png), each with a .properties record"
                    + " of what made it.")
    private String outputDir;

    @Option(names = "--report", paramLabel = "URI",
            description = "Report with one row per item (status, seconds, losses, error, executor): a .csv file"
                    + " or a .parquet dataset.")
    private String report;

    @Option(names = "--weights", paramLabel = "NAME|URI", defaultValue = WeightsChoice.PRETRAINED,
            description = "VGG19 weights: pretrained (downloaded once per executor: the zoo's, else Keras', else"
                    + " torchvision's, as for nst), or zoo, keras or torchvision alone; untrained (no download; a"
                    + " plainer but real style transfer); random (pipeline checks only); or a weights file (.pth,"
                    + " Keras .h5, .npz, zoo .zip) that every executor can read, or the name of one shipped with"
                    + " spark-submit --files. Loaded once per executor.")
    private String weights;

    @Option(names = "--weights-preprocessing", paramLabel = "caffe|torch",
            description = "Input convention of a weights file, as for nst.")
    private InputConvention weightsPreprocessing;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spark tasks to split the items into; 0: one per item, so a retry redoes least.")
    private int partitions;

    @Option(names = "--fail-first-attempt", paramLabel = "NAME", hidden = true,
            description = "For tests only: the first attempt of the task writing output NAME fails before the"
                    + " output is renamed into place.")
    private String failFirstAttempt;

    @Mixin
    private TransferOptions transfer;

    @Override
    public Integer call() {
        transfer.check();
        checkOptions();
        JobSpec jobSpec = new JobSpec(commonArguments(), new WeightsChoice(weights, weightsPreprocessing),
                failFirstAttempt);
        SparkSession spark = SparkSession.builder().config(SessionSettings.apply(new SparkConf())).getOrCreate();
        try {
            HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
            checkWeightsFile(files, jobSpec.weights());
            JobPlan plan = manifest != null ? Manifest.plan(spark, files, manifest, jobSpec.commonArguments())
                    : DirectoryPlan.plan(files, contentDir, styleDir, outputDir);
            PrintWriter out = spec.commandLine().getOut();
            plan.notes().forEach(note -> out.println("nst-spark: " + note));
            out.flush();
            List<WorkItem> items = plan.items();
            List<ItemResult> results = SparkJob.run(spark, items, jobSpec,
                    partitions == 0 ? items.size() : Math.min(partitions, items.size()));
            if (report != null) {
                Report.write(spark, files, results, report);
            }
            return summarise(results);
        } finally {
            spark.stop();
        }
    }

    private void checkOptions() {
        boolean directories = contentDir != null || styleDir != null || outputDir != null;
        if (manifest != null && directories) {
            throw usage("Give either --manifest or --content-dir, --style-dir and --output-dir, not both");
        }
        if (manifest == null && (contentDir == null || styleDir == null || outputDir == null)) {
            throw usage("Give --manifest, or all of --content-dir, --style-dir and --output-dir");
        }
        if (partitions < 0) {
            throw usage("--partitions must be 0 or positive, got " + partitions);
        }
        if (weightsPreprocessing != null && !new WeightsChoice(weights, null).isFile()) {
            throw usage("--weights-preprocessing applies only to a weights file; downloaded, untrained and random"
                    + " weights bring their own");
        }
        if (report != null) {
            try {
                Report.checkName(report);
            } catch (RuntimeException e) {
                throw usage(e.getMessage());
            }
        }
    }

    /** A weights path (not the name of a file shipped with --files) must exist before any executor looks. */
    private static void checkWeightsFile(HadoopFiles files, WeightsChoice choice) {
        if (!choice.isFile() || choice.isShippedName()) {
            return;
        }
        boolean exists;
        try {
            exists = files.exists(choice.value());
        } catch (IOException e) {
            throw new NstException("Cannot read the --weights file " + choice.value() + ": " + e.getMessage(), e);
        }
        if (!exists) {
            throw new InputRefusedException("The --weights file " + choice.value() + " does not exist (give a path"
                    + " every executor can read, or ship the file with --files and give its name)");
        }
    }

    /** The transfer options as given on the command line, as {@code --option=value}, for the executors. */
    private List<String> commonArguments() {
        Set<OptionSpec> transferOptions = Set.copyOf(spec.mixins().get("transfer").options());
        List<String> arguments = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!transferOptions.contains(option)) {
                continue;
            }
            if (option.arity().max() == 0) {
                arguments.add(option.longestName() + "=true");
            } else {
                option.originalStringValues().forEach(value -> arguments.add(option.longestName() + "=" + value));
            }
        }
        return arguments;
    }

    /** Prints the totals and each failure; exit code 1 if any item failed. */
    private int summarise(List<ItemResult> results) {
        PrintWriter out = spec.commandLine().getOut();
        long done = results.stream().filter(r -> r.status() == ItemStatus.DONE).count();
        long skipped = results.stream().filter(r -> r.status() == ItemStatus.SKIPPED).count();
        List<ItemResult> failed = results.stream().filter(r -> r.status() == ItemStatus.FAILED).toList();
        out.printf("nst-spark: %d %s: %d done, %d skipped, %d failed%s%n", results.size(),
                results.size() == 1 ? "item" : "items", done, skipped, failed.size(),
                report == null ? "" : "; report: " + report);
        long replaced = results.stream().filter(ItemResult::replacedAnOutput).count();
        if (replaced > 0) {
            out.printf("  rendered again: %d %s made with other settings or inputs, or without a .properties"
                    + " record%s%n", replaced, replaced == 1 ? "output" : "outputs",
                    report == null ? "" : " (the report's note says which)");
        }
        failed.forEach(r -> out.printf("  failed: %s: %s%n", r.item().label(), r.error()));
        out.flush();
        return failed.isEmpty() ? OK : FAILURE;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
