package io.github.nst4j.fast;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.PixelTensors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training images of a folder, served as batches of random square crops, half of them flipped
 * left to right. Each epoch visits the images in an order shuffled by the seed and the epoch; each
 * crop's place and flip depend on the seed and the image's position in the run alone. Where the run
 * is, its {@link Position}, is therefore all it needs to carry on exactly as it would have.
 *
 * <p>Files that cannot be read, or are smaller than the crop, are skipped and remembered (part of
 * the position), not fatal; only a folder without a single usable image is.
 */
final class TrainingImages {
    private final Path directory;
    private final List<Path> files;
    private final int crop;
    private final long seed;
    private int epoch;
    private int cursor;
    private int[] order;
    private final TreeSet<Integer> skipped = new TreeSet<>();

    /**
     * Where a run is in its images.
     *
     * @param epoch passes over the images begun, from 0
     * @param cursor the next place in this epoch's order
     * @param skipped the indices (in {@link #files()} order) of the files found unusable so far
     */
    record Position(int epoch, int cursor, int[] skipped) {
    }

    private TrainingImages(Path directory, List<Path> files, int crop, long seed) {
        this.directory = directory;
        this.files = files;
        this.crop = crop;
        this.seed = seed;
        this.order = order(0);
    }

    /**
     * The images under {@code directory} and its subfolders, sorted by path.
     *
     * @throws NstException if the folder cannot be read or holds no image files
     */
    static TrainingImages in(Path directory, int crop, long seed) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidSettingException("images", "The training images folder " + directory
                    + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(TrainingImages::isImageFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NstException("Cannot list the training images in " + directory + " (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new InvalidSettingException("images", "The folder " + directory
                    + " holds no JPEG, PNG, BMP or GIF images to train on");
        }
        return new TrainingImages(directory, files, crop, seed);
    }

    /** Whether {@link #in} would list {@code file}: an image file in {@code directory} or its subfolders. */
    static boolean includes(Path directory, Path file) {
        if (!isImageFile(file)) {
            return false;
        }
        try {
            return file.toRealPath().startsWith(directory.toRealPath());
        } catch (IOException e) {
            return false; // unreadable: not an image a training could read either
        }
    }

    private static boolean isImageFile(Path file) {
        return Files.isRegularFile(file) && Images.isInputImage(file.getFileName().toString());
    }

    /** The image files, in the order {@link Position#skipped()} counts them. */
    List<Path> files() {
        return files;
    }

    /** How many files were skipped so far as unreadable or too small. */
    int skippedCount() {
        return skipped.size();
    }

    /** Passes over the images begun so far, from 1 once the first batch is taken. */
    int epoch() {
        return epoch + 1;
    }

    Position position() {
        return new Position(epoch, cursor, skipped.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Carries on from {@code position}, taken from a run over the same files and seed. */
    void seek(Position position) {
        epoch = position.epoch();
        cursor = position.cursor();
        order = order(epoch);
        skipped.clear();
        IntStream.of(position.skipped()).forEach(skipped::add);
    }

    /**
     * The next {@code size} crops, {@code [size, 3, crop, crop]} RGB 0-255.
     *
     * @throws NstException if no file is usable
     */
    INDArray next(int size) {
        List<INDArray> crops = new ArrayList<>(size);
        while (crops.size() < size) {
            if (skipped.size() == files.size()) {
                throw new InvalidSettingException("images", "None of the " + files.size() + " image files in " + directory
                        + " can be read and is at least " + crop + "x" + crop + " pixels (use a smaller crop)");
            }
            if (cursor == order.length) {
                epoch++;
                cursor = 0;
                order = order(epoch);
            }
            int index = order[cursor];
            SplittableRandom random = new SplittableRandom(seed ^ (31L * epoch + cursor) * 0x9E3779B97F4A7C15L);
            cursor++;
            if (!skipped.contains(index)) {
                INDArray image = crop(index, random);
                if (image == null) {
                    skipped.add(index);
                } else {
                    crops.add(image);
                }
            }
        }
        INDArray batch = Nd4j.concat(0, crops.toArray(INDArray[]::new));
        crops.stream().filter(image -> image != batch).forEach(INDArray::close); // concat may return its only input
        return batch;
    }

    /**
     * The centred crop of the file at {@code index}, {@code [1, 3, crop, crop]} RGB 0-255, unflipped;
     * null if the file cannot be read or is smaller than the crop.
     */
    INDArray centreCrop(int index) {
        BufferedImage image = readable(index);
        if (image == null) {
            return null;
        }
        return PixelTensors.fromImage(image.getSubimage((image.getWidth() - crop) / 2, (image.getHeight() - crop) / 2,
                crop, crop));
    }

    /** The image of the file at {@code index}, or null if it cannot be read or is smaller than the crop. */
    private BufferedImage readable(int index) {
        BufferedImage image;
        try {
            image = Images.read(files.get(index));
        } catch (NstException e) {
            return null;
        }
        return image.getWidth() < crop || image.getHeight() < crop ? null : image;
    }

    /** A random crop of a file, flipped or not; null if the file cannot be read or is too small. */
    private INDArray crop(int index, SplittableRandom random) {
        BufferedImage image = readable(index);
        if (image == null) {
            return null;
        }
        int x = random.nextInt(image.getWidth() - crop + 1);
        int y = random.nextInt(image.getHeight() - crop + 1);
        BufferedImage cropped = image.getSubimage(x, y, crop, crop);
        return PixelTensors.fromImage(random.nextBoolean() ? mirrored(cropped) : cropped);
    }

    /**
     * The image flipped left to right, in Java: libnd4j's {@code reverse} op leaks native memory
     * on every call (see {@link io.github.nst4j.workaround.ReflectionPad}), here about 190 bytes
     * per row and channel of every flipped crop.
     */
    private static BufferedImage mirrored(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int row = 0; row < height; row++) {
            for (int left = row * width, right = left + width - 1; left < right; left++, right--) {
                int swap = rgb[left];
                rgb[left] = rgb[right];
                rgb[right] = swap;
            }
        }
        BufferedImage flipped = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        flipped.setRGB(0, 0, width, height, rgb, 0, width);
        return flipped;
    }

    private int[] order(int pass) {
        int[] indices = IntStream.range(0, files.size()).toArray();
        SplittableRandom random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + pass);
        for (int i = indices.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return indices;
    }
}
