package io.github.nst4j.video;

import io.github.nst4j.video.io.VideoException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The settings a clip job's frames are made with, recorded beside them ({@value #FILE_NAME}), so
 * that a resumed job, whose frames continue the earlier ones, is refused under other settings
 * rather than giving a clip whose style changes midway.
 */
final class JobSettings {
    static final String FILE_NAME = "nst-video.properties";

    private JobSettings() {
    }

    /** Records {@code settings} in {@code folder}, replacing what an earlier job recorded. */
    static void record(Path folder, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = folder.resolve(FILE_NAME);
        Path temporary = folder.resolve(FILE_NAME + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "The settings of the stylised frames in this folder, which --resume must repeat");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VideoException("Cannot write " + file + " (" + e.getMessage() + "); choose another output", e);
        }
    }

    /**
     * Refuses {@code settings} if they differ from those recorded in {@code folder}. Frames with no
     * record (made by hand or by an older version) are taken as they are.
     *
     * @throws VideoException naming the first setting that differs
     */
    static void check(Path folder, Map<String, String> settings) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties recorded = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            recorded.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new VideoException("Cannot read " + file + " (" + e.getMessage()
                    + "); remove the folder " + folder + " to start over", e);
        }
        TreeSet<String> names = new TreeSet<>(settings.keySet());
        recorded.stringPropertyNames().forEach(names::add);
        for (String name : names) {
            String before = recorded.getProperty(name);
            String now = settings.get(name);
            if (!Objects.equals(before, now)) {
                throw new VideoException("The frames in " + folder + " were made with " + describe(name, before)
                        + ", this run has " + describe(name, now) + "; resume with the settings of the first run,"
                        + " or remove the folder to start over");
            }
        }
    }

    private static String describe(String name, String value) {
        return value == null ? "no " + name : name + " " + value;
    }
}
