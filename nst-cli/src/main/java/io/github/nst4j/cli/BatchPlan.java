package io.github.nst4j.cli;

import io.github.nst4j.NstException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The runs one command asks for: every content image (files, or the images in a directory) with
 * every style image, or each style alone when there is no content. Several runs write
 * {@code <content>_<style>.png} (or {@code <style>.png}) into the output directory.
 */
final class BatchPlan {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

    /** One run: content (null for style extraction), style, output file. */
    record Job(Path content, Path style, Path output) {
    }

    private BatchPlan() {
    }

    /** True when the arguments ask for more than one run, or name a directory of contents. */
    static boolean isBatch(List<Path> contents, List<Path> styles) {
        return contents.size() > 1 || styles.size() > 1 || contents.stream().anyMatch(Files::isDirectory);
    }

    /** A single run writing {@code output}. */
    static List<Job> single(Path content, Path style, Path output) {
        return List.of(new Job(content, style, output));
    }

    /** Every content x style pair, named into {@code outputDirectory}. */
    static List<Job> batch(List<Path> contents, List<Path> styles, Path outputDirectory) {
        List<Path> contentFiles = new ArrayList<>();
        for (Path content : contents) {
            contentFiles.addAll(Files.isDirectory(content) ? imagesIn(content) : List.of(content));
        }
        if (!contents.isEmpty() && contentFiles.isEmpty()) {
            throw new NstException("No JPEG, PNG, BMP or GIF images in " + contents + "; check the --content directory");
        }
        List<Job> jobs = new ArrayList<>();
        for (Path style : styles) {
            if (contentFiles.isEmpty()) {
                jobs.add(new Job(null, style, outputDirectory.resolve(baseName(style) + ".png")));
            }
            for (Path content : contentFiles) {
                jobs.add(new Job(content, style, outputDirectory.resolve(baseName(content) + "_" + baseName(style) + ".png")));
            }
        }
        return jobs;
    }

    private static List<Path> imagesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> IMAGE_EXTENSIONS.stream().anyMatch(f.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
