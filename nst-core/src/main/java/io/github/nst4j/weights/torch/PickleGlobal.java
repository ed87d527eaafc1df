package io.github.nst4j.weights.torch;

import static io.github.nst4j.weights.torch.PickledValues.asTuple;
import static io.github.nst4j.weights.torch.PickledValues.malformed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The callables a state dict's pickle may name. A pickle names a callable by module and name
 * (opcodes GLOBAL and STACK_GLOBAL) and calls it (REDUCE); Python's unpickler imports whatever is
 * named, which is how a hostile pickle runs code. Here a name resolves only to one of these
 * constants or to a storage class ({@link TorchDType}), each "call" builds plain data, and any other
 * name is refused on sight: nothing is ever looked up, loaded or run.
 */
enum PickleGlobal {
    /** {@code collections.OrderedDict}, which {@code state_dict()} returns. */
    ORDERED_DICT("collections", "OrderedDict"),
    /** How PyTorch before 0.4 pickled tensors, as in torchvision's VGG19 of 2017. */
    REBUILD_TENSOR("torch._utils", "_rebuild_tensor"),
    /** How PyTorch 0.4 and later pickle tensors. */
    REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2"),
    /** An {@code nn.Parameter}: its tensor, with requires_grad and hooks that do not matter here. */
    REBUILD_PARAMETER("torch._utils", "_rebuild_parameter");

    private final String module;
    private final String name;

    PickleGlobal(String module, String name) {
        this.module = module;
        this.name = name;
    }

    /**
     * The allowed global {@code module.name}: a {@code PickleGlobal} or a {@link TorchDType} (a
     * storage class, which persistent ids name).
     *
     * @throws TorchFormatException for any other name
     */
    static Object resolve(String module, String name) throws TorchFormatException {
        for (PickleGlobal global : values()) {
            if (global.module.equals(module) && global.name.equals(name)) {
                return global;
            }
        }
        Optional<TorchDType> storage = module.equals("torch") ? TorchDType.ofStorageClass(name) : Optional.empty();
        if (storage.isPresent()) {
            return storage.get();
        }
        String global = module + "." + name;
        if (module.equals("torch") || module.startsWith("torch.") || module.startsWith("torchvision")) {
            throw new TorchFormatException("its pickle uses " + global + ", which nst4j does not read: it reads"
                    + " state dicts of tensors, as torch.save(model.state_dict(), f) writes them");
        }
        throw new TorchFormatException("its pickle refers to " + global + ", which a PyTorch state dict never"
                + " contains; nst4j reads only tensors and never runs pickled code");
    }

    /** What calling this global with {@code args} (a tuple) gives. */
    Object call(List<?> args) throws TorchFormatException {
        return switch (this) {
            case ORDERED_DICT -> {
                // Protocol 2 pickles an OrderedDict as a call without arguments, then SETITEMS.
                asTuple(args, 0, "the arguments of OrderedDict()");
                yield new LinkedHashMap<>();
            }
            case REBUILD_TENSOR -> TensorRef.rebuilt(asTuple(args, 4, "the arguments of _rebuild_tensor"));
            case REBUILD_TENSOR_V2 -> {
                // A seventh argument, metadata, follows for tensors with Python attributes.
                if (args.size() != 6 && args.size() != 7) {
                    throw malformed("_rebuild_tensor_v2 takes 6 or 7 arguments, not " + args.size());
                }
                yield TensorRef.rebuilt(args);
            }
            case REBUILD_PARAMETER -> {
                Object data = asTuple(args, 3, "the arguments of _rebuild_parameter").get(0);
                if (!(data instanceof TensorRef)) {
                    throw malformed("a parameter's data is " + PickledValues.describe(data));
                }
                yield data;
            }
        };
    }

    @Override
    public String toString() {
        return module + "." + name;
    }
}
