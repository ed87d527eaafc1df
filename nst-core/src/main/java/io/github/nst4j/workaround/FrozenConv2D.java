package io.github.nst4j.workaround;

import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.base.Preconditions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A convolution with frozen weights and bias: it runs libnd4j's {@code conv2d}, but its gradient is
 * the input gradient alone.
 *
 * <p>SameDiff differentiates an ordinary {@link Conv2D} into one {@code conv2d_bp} op, which always
 * computes the weight and bias gradients as well, even when weights and bias are constants and
 * nobody reads those gradients: about half of the backward work. Here the input gradient is a
 * plain forward {@code conv2d} of the output gradient with the kernel rotated by 180 degrees in the
 * kernel plane and its in/out channels swapped, padded by {@code k - 1 - p}: the transposed
 * convolution, computed by oneDNN's best-tuned path. (libnd4j's {@code deconv2d} with the kernel
 * unchanged gives the same values but was slower; the rotated kernels cost one extra copy of the
 * weights.)
 *
 * <p>Only stride 1 and dilation 1 with explicit padding and {@code [kH, kW, in, out]} kernels are
 * supported (channels first or last): then the backward convolution gives back exactly the input's
 * height and width.
 *
 * <p>A plain subclass of {@code Conv2D} would lose its {@link #doDiff} when SameDiff copies the
 * graph for the gradient function; this op therefore has a name of its own, {@value #OP_NAME}, and
 * executes under the hash of libnd4j's {@code conv2d} (see {@link NativeOpAlias}).
 */
public class FrozenConv2D extends Conv2D {
    /** The op's name in SameDiff graphs; not a libnd4j op. */
    public static final String OP_NAME = "nst4j_frozen_conv2d";
    private static final String NATIVE_OP = "conv2d";

    static {
        NativeOpAlias.register(new FrozenConv2D());
    }

    /** For SameDiff, which creates ops reflectively when it copies a graph. */
    public FrozenConv2D() {
    }

    public FrozenConv2D(SameDiff sameDiff, SDVariable input, SDVariable kernel, SDVariable bias, Conv2DConfig config) {
        super(sameDiff, input, kernel, bias, checked(config));
    }

    /**
     * As {@link #apply(SameDiff, String, SDVariable, SDVariable, SDVariable, Conv2DConfig)}, with the
     * kernel as the backward pass uses it ({@link #flippedTransposed}) made by the caller, who can
     * share one such array between graphs instead of each graph's gradient computing its own.
     */
    public static SDVariable apply(SameDiff sd, String name, SDVariable input, SDVariable kernel, SDVariable bias,
            Conv2DConfig config, INDArray flippedKernel) {
        sd.constant(flippedName(kernel), flippedKernel);
        return apply(sd, name, input, kernel, bias, config);
    }

    /** Adds {@code conv2d(input, kernel) + bias} to {@code sd} and returns its output. */
    public static SDVariable apply(SameDiff sd, String name, SDVariable input, SDVariable kernel, SDVariable bias,
            Conv2DConfig config) {
        return sd.updateVariableNameAndReference(
                new FrozenConv2D(sd, input, kernel, bias, config).outputVariable(), name);
    }

    private static Conv2DConfig checked(Conv2DConfig config) {
        Preconditions.checkArgument(config.getSH() == 1 && config.getSW() == 1 && config.getDH() == 1
                && config.getDW() == 1 && config.getPaddingMode() == PaddingMode.VALID
                && config.getWeightsFormat() == Conv2DConfig.builder().build().getWeightsFormat(),
                "FrozenConv2D supports stride 1, dilation 1, explicit padding and [kH, kW, in, out] kernels; got %s",
                config);
        return config;
    }

    @Override
    public String opName() {
        return OP_NAME;
    }

    @Override
    public long opHash() {
        return NativeOpAlias.nativeOp(NATIVE_OP).getHash();
    }

    @Override
    public CustomOpDescriptor getDescriptor() {
        return NativeOpAlias.nativeOp(NATIVE_OP);
    }

    @Override
    public String onnxName() {
        throw new UnsupportedOperationException(OP_NAME + " has no ONNX counterpart");
    }

    @Override
    public String tensorflowName() {
        throw new UnsupportedOperationException(OP_NAME + " has no TensorFlow counterpart");
    }

    @Override
    public String[] tensorflowNames() {
        throw new UnsupportedOperationException(OP_NAME + " has no TensorFlow counterpart");
    }

    /**
     * The gradient with respect to the input only: {@code conv2d(dL/dy, rot180(kernel)ᵀ)} with
     * padding {@code k - 1 - p}. Weights and bias get no gradient, which SameDiff accepts for
     * constants (it never asks for theirs).
     */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        // iArgs survive SameDiff's serialise-and-recreate copy: kH, kW, sH, sW, pH, pW, dH, dW,
        // padding mode, channels last (1) or first (0), kernel format.
        long[] a = iArgs();
        SDVariable kernel = arg(1);
        Conv2DConfig backward = Conv2DConfig.builder()
                .kH(a[0]).kW(a[1]).sH(1).sW(1).pH(a[0] - 1 - a[4]).pW(a[1] - 1 - a[5]).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID)
                .dataFormat(a[9] == 1 ? Conv2DConfig.NHWC : Conv2DConfig.NCHW)
                .build();
        String flippedName = flippedName(kernel);
        SDVariable flipped = sameDiff.hasVariable(flippedName) ? sameDiff.getVariable(flippedName)
                : sameDiff.constant(flippedName, flippedTransposed(kernel.getArr()));
        return Collections.singletonList(
                new Conv2D(sameDiff, gradients.get(0), flipped, null, backward).outputVariable());
    }

    private static String flippedName(SDVariable kernel) {
        return kernel.name() + "_flipped";
    }

    /** {@code [kH, kW, in, out]} to {@code [kH, kW, out, in]} rotated by 180 degrees in the kernel plane. */
    public static INDArray flippedTransposed(INDArray kernel) {
        long kH = kernel.size(0);
        long kW = kernel.size(1);
        INDArray flipped = Nd4j.create(kernel.dataType(), kH, kW, kernel.size(3), kernel.size(2));
        for (long h = 0; h < kH; h++) {
            for (long w = 0; w < kW; w++) {
                flipped.get(NDArrayIndex.point(h), NDArrayIndex.point(w), NDArrayIndex.all(), NDArrayIndex.all())
                        .assign(kernel.get(NDArrayIndex.point(kH - 1 - h), NDArrayIndex.point(kW - 1 - w),
                                NDArrayIndex.all(), NDArrayIndex.all()).transpose());
            }
        }
        return flipped;
    }
}
