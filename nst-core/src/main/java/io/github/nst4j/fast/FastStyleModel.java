package io.github.nst4j.fast;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Alpha;
import io.github.nst4j.image.ColorStatistics;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.Luminance;
import io.github.nst4j.image.PixelTensors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.Pad;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained fast style network: stylises any image with one forward pass of its
 * {@link TransformerNet}.
 *
 * <p>Its file ({@link #save}, {@link #load}) describes itself: format version, the network's
 * {@link TransformerSize}, its weights, and a {@link #description()} of how it was made (the style
 * images' names and SHA-256 hashes, the training settings, the VGG19 weights' fingerprint).
 * {@code load} also reads a training checkpoint as the model it holds so far.
 */
public final class FastStyleModel {
    static final String WEIGHTS = "weights/";
    private static final String SIZE = "size.";

    private final TransformerSize size;
    private final Map<String, INDArray> weights;
    private final Map<String, String> description;
    private TransformerInference inference;

    /**
     * @param weights every parameter of a network of {@code size}, by name (see {@link TransformerNet})
     * @param description how the model was made, free-form keys and values
     */
    public FastStyleModel(TransformerSize size, Map<String, INDArray> weights, Map<String, String> description) {
        this.size = size;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.description = Collections.unmodifiableMap(new TreeMap<>(description));
    }

    /**
     * Reads a model (or checkpoint) file and checks it.
     *
     * @throws NstException in one sentence if the file is missing, not a model, of another format
     *     version or damaged
     */
    public static FastStyleModel load(Path file) {
        return fromContents(file, ModelFile.read(file));
    }

    static FastStyleModel fromContents(Path file, ModelFile.Contents contents) {
        Map<String, String> metadata = new TreeMap<>(contents.metadata());
        TransformerSize size;
        try {
            size = new TransformerSize(Integer.parseInt(metadata.remove(SIZE + "channels1")),
                    Integer.parseInt(metadata.remove(SIZE + "channels2")),
                    Integer.parseInt(metadata.remove(SIZE + "channels3")),
                    Integer.parseInt(metadata.remove(SIZE + "residualBlocks")));
        } catch (IllegalArgumentException e) {
            throw ModelFile.damaged(file);
        }
        Map<String, INDArray> weights = new LinkedHashMap<>();
        contents.arrays().forEach((name, array) -> {
            if (name.startsWith(WEIGHTS)) {
                weights.put(name.substring(WEIGHTS.length()), array);
            }
        });
        FastStyleModel model = new FastStyleModel(size, weights, metadata);
        try {
            model.inference();
        } catch (IllegalArgumentException e) {
            throw ModelFile.damaged(file);
        }
        return model;
    }

    /** Writes the model atomically (a crash leaves the old file or the new one). */
    public void save(Path file) throws IOException {
        ModelFile.write(file, contents(Map.of()));
    }

    /** The file's contents with extra arrays (a checkpoint's training state). */
    ModelFile.Contents contents(Map<String, INDArray> extra) {
        Map<String, String> metadata = new TreeMap<>(description);
        metadata.put(SIZE + "channels1", String.valueOf(size.channels1()));
        metadata.put(SIZE + "channels2", String.valueOf(size.channels2()));
        metadata.put(SIZE + "channels3", String.valueOf(size.channels3()));
        metadata.put(SIZE + "residualBlocks", String.valueOf(size.residualBlocks()));
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        weights.forEach((name, array) -> arrays.put(WEIGHTS + name, array));
        arrays.putAll(extra);
        return new ModelFile.Contents(metadata, arrays);
    }

    /**
     * The image stylised, the same size as {@code image}, with {@link StylizeOptions#DEFAULTS}: the
     * network's colours, the whole image at once.
     *
     * @throws NstException if a side is shorter than {@link TransformerNet#MIN_SIDE}
     */
    public BufferedImage stylize(BufferedImage image) {
        return stylize(image, StylizeOptions.DEFAULTS);
    }

    /**
     * The image stylised, the same size as {@code image}. Sides that are not multiples of 4 are
     * padded by reflection for the network and cropped back; an alpha channel is kept as it is.
     * Beyond {@link StylizeOptions#maxMemoryBytes()}, or with a {@link StylizeOptions#tileSide()},
     * the network runs in tiles whose instance norms use the whole image's statistics, so that the
     * result equals the whole image's within one level per channel, at several times the work (see
     * {@link #workingBytes}).
     *
     * <p>The model keeps its working memory (about {@link #workingBytes} for the last image size)
     * for the next call; calls are serialised.
     *
     * @throws NstException if a side is shorter than {@link TransformerNet#MIN_SIDE}, or the memory
     *     bound is too small for even the smallest tile
     */
    public synchronized BufferedImage stylize(BufferedImage image, StylizeOptions options) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width < TransformerNet.MIN_SIDE || height < TransformerNet.MIN_SIDE) {
            throw new NstException("The image is " + width + "x" + height + " pixels; a fast style model needs at least "
                    + TransformerNet.MIN_SIDE + " on each side");
        }
        int tileSide = options.tileSide() > 0 ? options.tileSide() : tileSide(height, width, options.maxMemoryBytes());
        BufferedImage rgb = Images.toRgb(image);
        INDArray pixels = PixelTensors.fromImage(rgb);
        int padBottom = (int) (TransformerNet.outputSide(height) - height);
        int padRight = (int) (TransformerNet.outputSide(width) - width);
        if (padBottom > 0 || padRight > 0) {
            pixels = Nd4j.pad(pixels, new int[][] {{0, 0}, {0, 0}, {0, padBottom}, {0, padRight}}, Pad.Mode.REFLECT, 0);
        }
        INDArray output = tileSide > 0 ? TiledInference.output(inference(), pixels, tileSide)
                : inference().output(pixels, inference().own());
        BufferedImage styled = PixelTensors.toImage(output.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(0, height), NDArrayIndex.interval(0, width)));
        output.close();
        BufferedImage colored = switch (options.colors()) {
            case NONE -> styled;
            case LUMINANCE -> Luminance.combine(styled, rgb);
            case HISTOGRAM -> ColorStatistics.matchColors(styled, rgb);
        };
        BufferedImage alpha = Alpha.of(image);
        return alpha == null ? colored : Alpha.attach(colored, alpha);
    }

    /**
     * The bytes of native memory the network's activations take for a {@code width x height} image
     * in one piece: what {@link StylizeOptions#maxMemoryBytes()} bounds. For the standard network
     * about 800 bytes a pixel (some 810 MB at 1024x1024); the JVM, the image and the weights come on
     * top.
     */
    public synchronized long workingBytes(int width, int height) {
        return inference().workingBytes(TransformerNet.outputSide(height), TransformerNet.outputSide(width));
    }

    /**
     * The largest tile side, a multiple of 4, whose tile with its margin fits in {@code maxMemory},
     * or 0 when the whole image fits or there is no bound.
     */
    synchronized int tileSide(int height, int width, long maxMemory) {
        long paddedHeight = TransformerNet.outputSide(height);
        long paddedWidth = TransformerNet.outputSide(width);
        TransformerInference network = inference();
        if (maxMemory == 0 || network.workingBytes(paddedHeight, paddedWidth) <= maxMemory) {
            return 0;
        }
        long margin = 2L * network.reach();
        long side = 4;
        if (network.workingBytes(Math.min(paddedHeight, side + margin), Math.min(paddedWidth, side + margin)) > maxMemory) {
            throw new NstException("A memory bound of " + (maxMemory >> 20) + " MB is too small for this model: its"
                    + " smallest tiles need " + (network.workingBytes(side + margin, side + margin) >> 20)
                    + " MB (raise the bound)");
        }
        while (side + 4 < Math.max(paddedHeight, paddedWidth) && network.workingBytes(
                Math.min(paddedHeight, side + 4 + margin), Math.min(paddedWidth, side + 4 + margin)) <= maxMemory) {
            side += 4;
        }
        return (int) side;
    }

    /** The network's sizes. */
    public TransformerSize size() {
        return size;
    }

    /** The network's parameters by name (see {@link TransformerNet}); read-only by contract, not copied. */
    public Map<String, INDArray> weights() {
        return weights;
    }

    /**
     * How the model was made: {@code style.<i>.name}, {@code .sha256} and {@code .weight} per style
     * image, {@code training.*} settings, {@code vgg.fingerprint}.
     */
    public Map<String, String> description() {
        return description;
    }

    /** The forward pass, set up at first use for any image size. */
    private TransformerInference inference() {
        if (inference == null) {
            inference = new TransformerInference(size, weights);
        }
        return inference;
    }
}
