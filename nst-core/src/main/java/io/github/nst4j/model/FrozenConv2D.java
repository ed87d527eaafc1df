package io.github.nst4j.model;

import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.base.Preconditions;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.imports.converters.ImportClassMapping;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DeConv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A convolution with frozen weights and bias: it runs libnd4j's {@code conv2d}, but its gradient is
 * the input gradient alone.
 *
 * <p>SameDiff differentiates an ordinary {@link Conv2D} into one {@code conv2d_bp} op, which always
 * computes the weight and bias gradients as well, even when weights and bias are constants and
 * nobody reads those gradients: about half of the backward work. Here the input gradient is the
 * transposed convolution ({@code deconv2d}) of the output gradient with the same kernel; libnd4j's
 * {@code deconv2d} kernel layout {@code [kH, kW, outC, inC]} is {@code conv2d}'s {@code [kH, kW,
 * inC, outC]} read the other way round, so the kernel array serves both unchanged.
 *
 * <p>Only stride 1 and dilation 1 with explicit padding (NCHW, {@code [kH, kW, in, out]} kernels)
 * are supported: then the transposed convolution gives back exactly the input's height and width.
 *
 * <p><b>Why a registered op name.</b> SameDiff builds its gradient function on a copy of the graph
 * made by serialising every op and creating it again from its name and hash, so a plain subclass of
 * {@code Conv2D} would come back as a {@code Conv2D} and lose its {@link #doDiff}. This op therefore
 * has a name of its own, {@value #OP_NAME}, registered in ND4J's op-name table (which that copy
 * consults for names libnd4j does not know), and executes under the hash of libnd4j's
 * {@code conv2d}.
 */
public class FrozenConv2D extends Conv2D {
    /** The op's name in SameDiff graphs; not a libnd4j op. */
    public static final String OP_NAME = "nst4j_frozen_conv2d";
    private static final String NATIVE_OP = "conv2d";

    static {
        // Initialise the class holder first: it scans the op-name table once, at start-up.
        DifferentialFunctionClassHolder.getInstance();
        synchronized (ImportClassMapping.class) {
            ImportClassMapping.getOpNameMapping().putIfAbsent(OP_NAME, new FrozenConv2D());
        }
    }

    /** For SameDiff, which creates ops reflectively when it copies a graph. */
    public FrozenConv2D() {
    }

    public FrozenConv2D(SameDiff sameDiff, SDVariable input, SDVariable kernel, SDVariable bias, Conv2DConfig config) {
        super(sameDiff, input, kernel, bias, checked(config));
    }

    /** Adds {@code conv2d(input, kernel) + bias} to {@code sd} and returns its output. */
    public static SDVariable apply(SameDiff sd, String name, SDVariable input, SDVariable kernel, SDVariable bias,
            Conv2DConfig config) {
        return sd.updateVariableNameAndReference(
                new FrozenConv2D(sd, input, kernel, bias, config).outputVariable(), name);
    }

    private static Conv2DConfig checked(Conv2DConfig config) {
        Preconditions.checkArgument(config.getSH() == 1 && config.getSW() == 1 && config.getDH() == 1
                && config.getDW() == 1 && config.getPaddingMode() == PaddingMode.VALID && !config.isNHWC()
                && config.getWeightsFormat() == Conv2DConfig.builder().build().getWeightsFormat(),
                "FrozenConv2D supports stride 1, dilation 1, explicit padding, NCHW and [kH, kW, in, out] kernels; got %s",
                config);
        return config;
    }

    @Override
    public String opName() {
        return OP_NAME;
    }

    @Override
    public long opHash() {
        return nativeDescriptor().getHash();
    }

    @Override
    public CustomOpDescriptor getDescriptor() {
        return nativeDescriptor();
    }

    private static CustomOpDescriptor nativeDescriptor() {
        return Nd4j.getExecutioner().getCustomOperations().get(NATIVE_OP);
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
     * The gradient with respect to the input only: {@code deconv2d(dL/dy, kernel)} with the
     * convolution's kernel size and padding. Weights and bias get no gradient, which SameDiff
     * accepts for constants (it never asks for theirs).
     */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        // iArgs survive SameDiff's serialise-and-recreate copy: kH, kW, sH, sW, pH, pW, dH, dW, ...
        long[] a = iArgs();
        DeConv2DConfig transposed = DeConv2DConfig.builder()
                .kH(a[0]).kW(a[1]).sH(1).sW(1).pH(a[4]).pW(a[5]).dH(1).dW(1)
                .isSameMode(false)
                .dataFormat(DeConv2DConfig.NCHW)
                .build();
        SDVariable kernel = arg(1);
        SDVariable inputGradient = new DeConv2D(sameDiff, new SDVariable[] {gradients.get(0), kernel}, transposed)
                .outputVariable();
        return Collections.singletonList(inputGradient);
    }
}
