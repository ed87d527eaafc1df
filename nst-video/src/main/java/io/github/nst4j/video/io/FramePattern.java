package io.github.nst4j.video.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered frame files such as {@code frames/%05d.png}: a folder, a name with one printf-style
 * {@code %d} or {@code %0Nd} for the frame number (counted from 1), and an image extension. A plain
 * folder stands for {@code folder/%05d.png}.
 *
 * @param folder where the frames are
 * @param prefix the file name before the number
 * @param digits the number's width, zero-padded (0: not padded)
 * @param suffix the file name after the number, its extension included
 */
public record FramePattern(Path folder, String prefix, int digits, String suffix) {
    private static final Pattern NUMBER = Pattern.compile("%(0(\\d+))?d");
    /** The PNG frames a plain folder holds. */
    private static final String DEFAULT = "%05d.png";

    /** Whether {@code path} names frames rather than one video file: a folder, or a name with {@code %d}. */
    public static boolean isFrames(Path path) {
        return Files.isDirectory(path) || NUMBER.matcher(path.getFileName() == null ? "" : path.getFileName().toString()).find();
    }

    /**
     * The pattern {@code path} stands for.
     *
     * @throws VideoException if its name has no frame number or no image extension
     */
    public static FramePattern of(Path path) {
        Path folder = Files.isDirectory(path) || path.getFileName() == null ? path : path.getParent();
        String name = Files.isDirectory(path) ? DEFAULT : path.getFileName().toString();
        if (folder == null) {
            folder = Path.of("");
        }
        Matcher matcher = NUMBER.matcher(name);
        if (!matcher.find()) {
            throw new VideoException(path + " names no frame number; write it as printf does, e.g. frames/%05d.png");
        }
        String suffix = name.substring(matcher.end());
        String lower = suffix.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".bmp"))) {
            throw new VideoException(path + " does not end in an image extension; name the frames .png, .jpg or .bmp");
        }
        int digits = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        return new FramePattern(folder, name.substring(0, matcher.start()), digits, suffix);
    }

    /** The file of frame {@code number} (1 for the first). */
    public Path file(int number) {
        String digitsText = digits == 0 ? Integer.toString(number) : String.format(Locale.ROOT, "%0" + digits + "d", number);
        return folder.resolve(prefix + digitsText + suffix);
    }

    /** The image format of the frames, from their extension. */
    public String imageFormat() {
        String lower = suffix.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") ? "png" : lower.endsWith(".bmp") ? "bmp" : "jpg";
    }

    /** How many frames exist from number 1 on without a gap. */
    public int countFromFirst() {
        int count = 0;
        while (Files.isRegularFile(file(count + 1))) {
            count++;
        }
        return count;
    }
}
