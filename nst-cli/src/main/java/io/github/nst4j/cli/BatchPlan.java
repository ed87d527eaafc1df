package io.github.nst4j.cli;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The runs one command asks for: every content image (files, or the images in a directory) with
 * every style (one image, or several blended), or each style alone when there is no content. Several
 * runs write {@code <content>_<style>.png} (or {@code <style>.png}) into the output directory.
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

    /** Every content x style set pair, named into {@code outputDirectory}; a blend is named {@code a+b}. */
    static List<Job> batch(List<Path> contents, List<List<Path>> styles, Path outputDirectory) {
        List<Path> contentFiles = new ArrayList<>();
        for (Path content : contents) {
            contentFiles.addAll(Files.isDirectory(content) ? Images.inDirectory(content) : List.of(content));
        }
        if (!contents.isEmpty() && contentFiles.isEmpty()) {
            throw new NstException("No JPEG, PNG, BMP or GIF images in " + contents + "; check the --content directory");
        }
        List<Job> jobs = new ArrayList<>();
        for (List<Path> style : styles) {
            String styleName = style.stream().map(BatchPlan::baseName).collect(Collectors.joining("+"));
            if (contentFiles.isEmpty()) {
                jobs.add(new Job(null, style, outputDirectory.resolve(styleName + ".png")));
            }
            for (Path content : contentFiles) {
                String name = style.isEmpty() ? baseName(content) : baseName(content) + "_" + styleName;
                jobs.add(new Job(content, style, outputDirectory.resolve(name + ".png")));
            }
        }
        return jobs;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
