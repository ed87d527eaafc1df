package io.github.nst4j.workaround;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.imports.converters.ImportClassMapping;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lets a SameDiff op class run a libnd4j op under a name of its own, so that the class (and with it
 * its {@code doDiff}) survives SameDiff's copy of the graph.
 *
 * <p>SameDiff builds its gradient function on a copy of the forward graph, made by serialising every
 * op and creating it again from its libnd4j name and hash. An op class that merely overrides
 * {@code doDiff} of an ND4J class would come back as that ND4J class. An op whose name libnd4j does
 * not know is looked up in ND4J's op-name table instead; registering the class there under its own
 * name brings it back as itself. It then executes under the hash of the libnd4j op it stands for.
 */
final class NativeOpAlias {
    private NativeOpAlias() {
    }

    /** Registers {@code prototype}'s class under {@code prototype.opName()}, once. */
    static void register(DifferentialFunction prototype) {
        // The class holder copies nothing from the table, but initialising it scans the table once;
        // do that first so the scan never sees our classes.
        DifferentialFunctionClassHolder.getInstance();
        synchronized (ImportClassMapping.class) {
            ImportClassMapping.getOpNameMapping().putIfAbsent(prototype.opName(), prototype);
        }
    }

    /** The descriptor (name, hash, arity) of a libnd4j custom op. */
    static CustomOpDescriptor nativeOp(String name) {
        CustomOpDescriptor descriptor = Nd4j.getExecutioner().getCustomOperations().get(name);
        if (descriptor == null) {
            throw new IllegalStateException("libnd4j has no op '" + name + "'");
        }
        return descriptor;
    }
}
