package io.github.nst4j.cli.transfer;

import io.github.nst4j.image.Images;
import io.github.nst4j.storage.InputLabels;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The runs one command asks for: every content image (files, or the images in a directory) with
 * every style (one image, or several blended), or each style alone when there is no content. Several
 * runs write {@code <content>_<style>.png} (or {@code <style>.png}) into the output directory, named
 * so that inputs sharing a file name still get outputs of their own.
 */
final class BatchPlan {
    /** One run: content (null for texture synthesis), styles blended into one (none in content mode), output file. */
    record Job(Path content, List<Path> styles, Path output) {
        Job {
            styles = List.copyOf(styles);
        }

        /** E.g. {@code cat.png x starry.jpg}, for progress lines and the batch summary. */
        String label() {
            String styleNames = styles.stream().map(style -> style.getFileName().toString())
                    .collect(Collectors.joining("+"));
            return content == null ? styleNames : styles.isEmpty() ? content.getFileName().toString()
                    : content.getFileName() + " x " + styleNames;
        }
    }

    private BatchPlan() {
    }

    /** True when the arguments ask for more than one run, or name a directory of contents. */
    static boolean isBatch(List<Path> contents, List<List<Path>> styles) {
        return contents.size() > 1 || styles.size() > 1 || contents.stream().anyMatch(Files::isDirectory);
    }

    /** A single run writing {@code output}. */
    static List<Job> single(Path content, List<Path> style, Path output) {
        return List.of(new Job(content, style, output));
    }

    /**
     * The jobs of a batch, and one sentence per group of inputs that share a file name, saying how
     * their outputs were told apart.
     */
    record Batch(List<Job> jobs, List<String> notes) {
    }

    /**
     * Every content x style set pair, named into {@code outputDirectory} after the inputs' distinct
     * labels ({@link InputLabels}); a blend is named {@code a+b}. A content directory stands for the
     * images in it.
     */
    static Batch batch(List<Path> contents, List<List<Path>> styles, Path outputDirectory) {
        List<Path> contentFiles = new ArrayList<>();
        for (Path content : contents) {
            contentFiles.addAll(Files.isDirectory(content) ? Images.inDirectory(content) : List.of(content));
        }
        InputLabels contentLabels = InputLabels.of(contentFiles.stream().map(BatchPlan::key).toList());
        InputLabels styleLabels = InputLabels.of(styles.stream().flatMap(List::stream).map(BatchPlan::key).toList());
        List<Job> jobs = new ArrayList<>();
        for (List<Path> style : styles) {
            String styleName = style.stream().map(file -> styleLabels.label(key(file)))
                    .collect(Collectors.joining("+"));
            if (contentFiles.isEmpty()) {
                jobs.add(new Job(null, style, outputDirectory.resolve(styleName + ".png")));
            }
            for (Path content : contentFiles) {
                String contentName = contentLabels.label(key(content));
                String name = style.isEmpty() ? contentName : contentName + "_" + styleName;
                jobs.add(new Job(content, style, outputDirectory.resolve(name + ".png")));
            }
        }
        List<String> notes = new ArrayList<>(contentLabels.notes());
        notes.addAll(styleLabels.notes());
        return new Batch(List.copyOf(jobs), List.copyOf(notes));
    }

    /** How an input is labelled: its absolute path, so that the folders that tell files apart are real names. */
    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString().replace(File.separatorChar, '/');
    }
}
