package io.github.nst4j.cli.studio;

import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The repository's sample photos and paintings (nst-examples/images), which the build copies into
 * this jar: the page offers them one click away whether the studio runs from a clone or from the
 * single jar elsewhere. A sample is asked for by its key, {@code content/NAME} or
 * {@code style/NAME}, and only keys of this catalogue are ever read.
 */
final class SampleCatalogue {
    /** One sample: its key and which list it belongs to. */
    record Sample(String key, String role, String name) {
    }

    private static final String FOLDER = "samples";
    private static final List<String> ROLES = List.of("content", "style");

    private final List<Sample> samples;
    private final Map<String, byte[]> thumbnails = new ConcurrentHashMap<>();

    private SampleCatalogue(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** The samples packed beside this class; none when the build packed none. */
    static SampleCatalogue load() {
        URL root = SampleCatalogue.class.getResource(FOLDER);
        if (root == null) {
            return new SampleCatalogue(List.of());
        }
        try {
            URI uri = root.toURI();
            if (!uri.getScheme().equals("jar")) {
                return new SampleCatalogue(list(Path.of(uri)));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return new SampleCatalogue(list(jar.provider().getPath(uri)));
            } catch (FileSystemAlreadyExistsException e) {
                return new SampleCatalogue(list(FileSystems.getFileSystem(uri).provider().getPath(uri)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the sample images packed in the jar", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unusable address of the sample images: " + root, e);
        }
    }

    private static List<Sample> list(Path folder) {
        List<Sample> found = new ArrayList<>();
        for (String role : ROLES) {
            for (Path file : Images.inDirectory(folder.resolve(role))) {
                String name = file.getFileName().toString();
                found.add(new Sample(role + "/" + name, role, name));
            }
        }
        return found;
    }

    List<Sample> samples() {
        return samples;
    }

    /** @throws Refusal if {@code key} is not one of the samples */
    Sample get(String key) {
        return samples.stream().filter(sample -> sample.key().equals(key)).findFirst()
                .orElseThrow(() -> new Refusal(404, "No sample image " + key + ": pick one of the samples shown"));
    }

    /** The sample's pixels, read from the jar. */
    BufferedImage image(Sample sample) {
        try (InputStream in = SampleCatalogue.class.getResourceAsStream(FOLDER + "/" + sample.key())) {
            if (in == null) {
                throw new IllegalStateException("Sample " + sample.key() + " listed but missing from the jar");
            }
            return Images.toRgb(ImageIO.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample " + sample.key() + " from the jar", e);
        }
    }

    byte[] thumbnail(Sample sample) {
        return thumbnails.computeIfAbsent(sample.key(), key -> Png.thumbnail(image(sample)));
    }
}
