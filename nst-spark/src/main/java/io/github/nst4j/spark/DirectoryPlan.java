package io.github.nst4j.spark;

import io.github.nst4j.image.Images;
import io.github.nst4j.storage.InputLabels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Every content x style pair of two directories (their images as {@link Images#inDirectory} picks
 * them), written as {@code <content>_<style>.png} into the output directory, as {@code nst} names a
 * batch's outputs; or, with {@code --model}, every content alone, as {@code <content>.png}, as
 * {@code nst apply} names them. Images that share a name ({@code chelsea.png}, {@code chelsea.jpg})
 * are told apart by their {@link InputLabels} ({@code chelsea_png_<style>.png}), and the plan says so.
 */
final class DirectoryPlan {
    private DirectoryPlan() {
    }

    /**
     * Plans every pair, refusing a missing or empty directory.
     *
     * @throws InputRefusedException naming the directory or the two items that would share an output
     */
    static JobPlan plan(HadoopFiles files, String contentDirectory, String styleDirectory,
            String outputDirectory) {
        List<String> contents = images(files, contentDirectory, "--content-dir");
        List<String> styles = images(files, styleDirectory, "--style-dir");
        Path output = outputDirectory(files, outputDirectory);
        InputLabels contentLabels = InputLabels.of(contents);
        InputLabels styleLabels = InputLabels.of(styles);
        List<WorkItem> items = new ArrayList<>();
        for (String content : contents) {
            for (String style : styles) {
                String name = contentLabels.label(content) + "_" + styleLabels.label(style) + ".png";
                items.add(new WorkItem(content, style, new Path(output, name).toString(), List.of()));
            }
        }
        // A content label may still meet a style label's underscore: a_b x c and a x b_c.
        DistinctOutputs.require(items, files, i -> items.get(i).label(), "", List.of());
        List<String> notes = new ArrayList<>(contentLabels.notes());
        notes.addAll(styleLabels.notes());
        return new JobPlan(items, notes);
    }

    /**
     * Plans one item per content for the {@code --model} at {@code model}, refusing a missing or empty
     * directory.
     *
     * @throws InputRefusedException naming the directory, or the content whose output would be an input
     */
    static JobPlan contents(HadoopFiles files, String contentDirectory, String outputDirectory, String model) {
        List<String> contents = images(files, contentDirectory, "--content-dir");
        Path output = outputDirectory(files, outputDirectory);
        InputLabels labels = InputLabels.of(contents);
        List<WorkItem> items = contents.stream().map(content -> new WorkItem(content, null,
                new Path(output, labels.label(content) + ".png").toString(), List.of())).toList();
        // --output-dir may be --content-dir: c.png would write over itself.
        DistinctOutputs.require(items, files, i -> items.get(i).label(), "", List.of(model));
        return new JobPlan(items, labels.notes());
    }

    private static Path outputDirectory(HadoopFiles files, String directory) {
        try {
            return files.fileSystem(new Path(directory)).makeQualified(new Path(directory));
        } catch (IOException e) {
            throw new InputRefusedException("Cannot use --output-dir " + directory + " (" + e.getMessage() + ")", e);
        }
    }

    /** The directory's images by name, hidden files skipped. */
    private static List<String> images(HadoopFiles files, String directory, String option) {
        Path path = new Path(directory);
        FileStatus[] statuses;
        try {
            FileSystem fs = files.fileSystem(path);
            if (!fs.getFileStatus(path).isDirectory()) {
                throw new InputRefusedException(option + " must be a directory of images, but " + directory
                        + " is a file");
            }
            statuses = fs.listStatus(path);
        } catch (java.io.FileNotFoundException e) {
            throw new InputRefusedException(option + " " + directory + " does not exist (check the path)", e);
        } catch (IOException e) {
            throw new InputRefusedException("Cannot list " + option + " " + directory + " (" + e.getMessage() + ")", e);
        }
        List<String> images = Arrays.stream(statuses)
                .filter(FileStatus::isFile)
                .map(FileStatus::getPath)
                .filter(file -> Images.isInputImage(file.getName()))
                .sorted(Comparator.comparing(Path::getName))
                .map(Path::toString)
                .toList();
        if (images.isEmpty()) {
            throw new InputRefusedException("No JPEG, PNG, BMP or GIF images in " + directory + "; check " + option);
        }
        return images;
    }
}
