package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Images;
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
 * batch's outputs.
 */
final class DirectoryPlan {
    private DirectoryPlan() {
    }

    static List<WorkItem> items(HadoopFiles files, String contentDirectory, String styleDirectory,
            String outputDirectory) {
        List<String> contents = images(files, contentDirectory, "--content-dir");
        List<String> styles = images(files, styleDirectory, "--style-dir");
        Path output;
        try {
            output = files.fileSystem(new Path(outputDirectory)).makeQualified(new Path(outputDirectory));
        } catch (IOException e) {
            throw new NstException("Cannot use --output-dir " + outputDirectory + " (" + e.getMessage() + ")", e);
        }
        List<WorkItem> items = new ArrayList<>();
        for (String content : contents) {
            for (String style : styles) {
                String name = baseName(content) + "_" + baseName(style) + ".png";
                items.add(new WorkItem(content, style, new Path(output, name).toString(), List.of()));
            }
        }
        return items;
    }

    /** The directory's images by name, hidden files skipped. */
    private static List<String> images(HadoopFiles files, String directory, String option) {
        Path path = new Path(directory);
        FileStatus[] statuses;
        try {
            FileSystem fs = files.fileSystem(path);
            if (!fs.getFileStatus(path).isDirectory()) {
                throw new NstException(option + " must be a directory of images, but " + directory + " is a file");
            }
            statuses = fs.listStatus(path);
        } catch (java.io.FileNotFoundException e) {
            throw new NstException(option + " " + directory + " does not exist (check the path)", e);
        } catch (IOException e) {
            throw new NstException("Cannot list " + option + " " + directory + " (" + e.getMessage() + ")", e);
        }
        List<String> images = Arrays.stream(statuses)
                .filter(FileStatus::isFile)
                .map(FileStatus::getPath)
                .filter(file -> Images.isInputImage(file.getName()))
                .sorted(Comparator.comparing(Path::getName))
                .map(Path::toString)
                .toList();
        if (images.isEmpty()) {
            throw new NstException("No JPEG, PNG, BMP or GIF images in " + directory + "; check " + option);
        }
        return images;
    }

    private static String baseName(String uri) {
        String name = WorkItem.fileName(uri);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
