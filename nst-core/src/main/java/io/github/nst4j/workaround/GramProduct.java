package io.github.nst4j.workaround;

import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;

/**
 * {@code P = Xᵀ·X} (libnd4j's {@code matmul}) with the gradient {@code dX = X·(dP + dPᵀ)}: one
 * matrix product the size of {@code X}.
 *
 * <p>SameDiff differentiates {@code mmul(X, X)} as a product of two unrelated matrices: a
 * {@code matmul_bp} that writes a gradient for each operand, both the size of {@code X}, and an
 * {@code add} of the two. For the style layers' Gram matrices those are three arrays the size of a
 * layer's activations per layer and step where one does.
 *
 * <p>Registered under its own name, {@value #OP_NAME}; see {@link NativeOpAlias}.
 */
public class GramProduct extends Mmul {
    /** The op's name in SameDiff graphs; not a libnd4j op. */
    public static final String OP_NAME = "nst4j_gram_product";
    private static final String NATIVE_OP = "matmul";

    static {
        NativeOpAlias.register(new GramProduct());
    }

    /** For SameDiff, which creates ops reflectively when it copies a graph. */
    public GramProduct() {
    }

    private GramProduct(SameDiff sameDiff, SDVariable x) {
        super(sameDiff, x, x, true, false, false);
    }

    /** Adds {@code xᵀ·x} of a {@code [N, C]} matrix to {@code sd}; the result is {@code [C, C]}. */
    public static SDVariable apply(SameDiff sd, SDVariable x) {
        return new GramProduct(sd, x).outputVariable();
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
    public String[] tensorflowNames() {
        throw new UnsupportedOperationException(OP_NAME + " has no TensorFlow counterpart");
    }

    /**
     * Both operands are the same variable, so one gradient, returned for the first, is the whole
     * of it: SameDiff adds up only the gradients an op returns.
     */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable product = gradients.get(0);
        return Collections.singletonList(sameDiff.mmul(arg(0), product.add(sameDiff.transpose(product))));
    }
}
