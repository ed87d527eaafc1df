package io.github.nst4j.network;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The input a set of VGG19 weights was trained on: channel order, value range, per-channel mean
 * and standard deviation. Feeding weights the wrong convention silently ruins results, so every
 * weights source declares one and the engine applies it.
 *
 * <p>For an RGB pixel {@code p} in 0-255 and channel {@code c} (in RGB order):
 * {@code x_c = (p_c · range / 255 − mean_c) / std_c}; then the channels are put in the network's
 * order.
 */
public enum InputConvention {
    /**
     * The original Caffe VGG weights (and the Deeplearning4j zoo's copy of them): BGR, 0-255, minus
     * the ImageNet means B 103.939, G 116.779, R 123.68, no scaling.
     */
    CAFFE(true, 255, new double[] {123.68, 116.779, 103.939}, new double[] {1, 1, 1}),
    /**
     * torchvision's weights: RGB, 0-1, minus mean 0.485/0.456/0.406, divided by std
     * 0.229/0.224/0.225.
     */
    TORCH(false, 1, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});

    private final boolean bgr;
    private final double range;
    private final double[] rgbMean;
    private final double[] rgbStd;

    InputConvention(boolean bgr, double range, double[] rgbMean, double[] rgbStd) {
        this.bgr = bgr;
        this.range = range;
        this.rgbMean = rgbMean;
        this.rgbStd = rgbStd;
    }

    /** True when the network expects channels in B, G, R order. */
    public boolean isBgr() {
        return bgr;
    }

    /** The value that pixel level 255 maps to before mean and std (255 or 1). */
    public double range() {
        return range;
    }

    /** Per-channel mean in R, G, B order, in the convention's range. */
    public double[] rgbMean() {
        return rgbMean.clone();
    }

    /** Per-channel standard deviation in R, G, B order. */
    public double[] rgbStd() {
        return rgbStd.clone();
    }

    /**
     * Adds the per-channel scaling and shift of this convention to RGB 0-255 pixels
     * {@code [1, 3, H, W]}. The result is still in R, G, B order: for BGR weights the channel
     * reversal is folded into the first convolution's kernel instead (see
     * {@link #kernelForRgbInput}), which costs nothing per step. A scale of 1 (Caffe's convention)
     * adds no multiplication: its backward pass would also compute an unused gradient for the
     * scale.
     */
    public SDVariable applyScaling(SameDiff sd, SDVariable pixels, DataType dataType) {
        SDVariable shift = sd.constant("input_shift", perChannel(shifts(), dataType));
        if (Arrays.stream(scales()).allMatch(scale -> scale == 1)) {
            return pixels.add(shift);
        }
        SDVariable scale = sd.constant("input_scale", perChannel(scales(), dataType));
        return pixels.mul(scale).add(shift);
    }

    /**
     * The first layer's kernel {@code [out, 3, kH, kW]} rearranged to read R, G, B input channels;
     * unchanged for RGB weights.
     */
    public INDArray kernelForRgbInput(INDArray firstKernel) {
        return bgr ? reverseChannels(firstKernel) : firstKernel;
    }

    /** The network input for RGB 0-255 pixels {@code [1, 3, H, W]}, computed eagerly. */
    public INDArray toNetworkInput(INDArray pixels) {
        DataType type = pixels.dataType();
        INDArray normalised = pixels.mul(perChannel(scales(), type)).addi(perChannel(shifts(), type));
        return bgr ? reverseChannels(normalised) : normalised;
    }

    /** The exact inverse of {@link #toNetworkInput}: RGB 0-255 pixels, unclamped. */
    public INDArray toPixels(INDArray networkInput) {
        DataType type = networkInput.dataType();
        INDArray rgb = bgr ? reverseChannels(networkInput) : networkInput.dup();
        return rgb.subi(perChannel(shifts(), type)).divi(perChannel(scales(), type));
    }

    private double[] scales() {
        return Arrays.stream(rgbStd).map(std -> range / 255 / std).toArray();
    }

    private double[] shifts() {
        double[] shifts = new double[3];
        for (int c = 0; c < 3; c++) {
            shifts[c] = -rgbMean[c] / rgbStd[c];
        }
        return shifts;
    }

    private static INDArray reverseChannels(INDArray x) {
        return Nd4j.concat(1, channel(x, 2), channel(x, 1), channel(x, 0));
    }

    private static INDArray channel(INDArray x, int c) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 1), NDArrayIndex.all(), NDArrayIndex.all());
    }

    private static INDArray perChannel(double[] values, DataType dataType) {
        return Nd4j.create(values, new long[] {1, 3, 1, 1}, dataType);
    }
}
