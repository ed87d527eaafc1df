package io.github.nst4j.cli.transfer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Notes, once per input file and before any work, on what the run does with parts of an input it
 * cannot use: the frames of an animated GIF after the first. (An alpha channel is used: see
 * {@link JobRunner} for the JPEG output that cannot keep it.) Unreadable files are left to the run,
 * which reports them as errors.
 */
final class InputNotes {
    private InputNotes() {
    }

    static void report(Iterable<BatchPlan.Job> jobs, PrintWriter err) {
        Set<Path> inputs = new LinkedHashSet<>();
        for (BatchPlan.Job job : jobs) {
            if (job.content() != null) {
                inputs.add(job.content());
            }
            inputs.addAll(job.styles());
        }
        for (Path input : inputs) {
            String note = note(input);
            if (note != null) {
                err.println("nst: note: " + note);
            }
        }
    }

    private static String note(Path input) {
        try (ImageInputStream in = ImageIO.createImageInputStream(input.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getFormatName().equalsIgnoreCase("gif") && reader.getNumImages(true) > 1
                        ? input + " is an animated GIF; its first frame is used" : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
