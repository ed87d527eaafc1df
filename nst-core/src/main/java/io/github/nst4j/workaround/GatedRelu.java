package io.github.nst4j.workaround;

import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.scalar.Step;

/**
 * {@code max(x, 0)} (libnd4j's {@code relu}) whose gradient is {@code dL/dy · step(y)}: the
 * upstream gradient gated by the op's own output.
 *
 * <p>Two reasons not to use SameDiff's ReLU gradient. It runs libnd4j's {@code thresholdedrelu_bp},
 * which calls a function object per element, many times slower than the {@code step} and
 * {@code multiply} used here (both vectorised loops), over VGG19's 13 ReLUs a large share of a step. And it reads the ReLU's
 * input, so every convolution output must be kept until the backward pass; reading the output
 * instead ({@code y > 0} exactly when {@code x > 0}) lets the session free it once the ReLU ran.
 *
 * <p>Registered under its own name, {@value #OP_NAME}; see {@link NativeOpAlias}.
 */
public class GatedRelu extends AliasedCustomOp {
    /** The op's name in SameDiff graphs; not a libnd4j op. */
    public static final String OP_NAME = "nst4j_gated_relu";
    private static final String NATIVE_OP = "relu";

    static {
        NativeOpAlias.register(new GatedRelu());
    }

    /** For SameDiff, which creates ops reflectively when it copies a graph. */
    public GatedRelu() {
    }

    public GatedRelu(SameDiff sameDiff, SDVariable input) {
        super(sameDiff, new SDVariable[] {input});
        addTArgument(0.0); // libnd4j's relu takes its cutoff as a float argument
    }

    /** Adds {@code relu(input)} to {@code sd} under {@code name} and returns it. */
    public static SDVariable apply(SameDiff sd, String name, SDVariable input) {
        return sd.updateVariableNameAndReference(new GatedRelu(sd, input).outputVariable(), name);
    }

    @Override
    public String opName() {
        return OP_NAME;
    }

    @Override
    String nativeOpName() {
        return NATIVE_OP;
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable open = new Step(sameDiff, outputVariable(), 0.0).outputVariable();
        return Collections.singletonList(gradients.get(0).mul(open));
    }
}
