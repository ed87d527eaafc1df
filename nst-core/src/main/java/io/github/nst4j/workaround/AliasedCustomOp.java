package io.github.nst4j.workaround;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.base.Preconditions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * A {@link DynamicCustomOp} that executes a libnd4j op under a name of its own (see
 * {@link NativeOpAlias}) and has one output, of its first input's data type. Its settings travel as
 * the op's integer and float arguments, which survive SameDiff's copy of the graph, so it has no
 * properties to copy.
 */
abstract class AliasedCustomOp extends DynamicCustomOp {
    /** For SameDiff, which creates ops reflectively when it copies a graph. */
    AliasedCustomOp() {
    }

    AliasedCustomOp(SameDiff sameDiff, SDVariable[] inputs) {
        super(sameDiff, inputs);
    }

    /** The libnd4j op this one executes as. */
    abstract String nativeOpName();

    @Override
    public long opHash() {
        return NativeOpAlias.nativeOp(nativeOpName()).getHash();
    }

    @Override
    public CustomOpDescriptor getDescriptor() {
        return NativeOpAlias.nativeOp(nativeOpName());
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> dataTypes) {
        Preconditions.checkArgument(dataTypes != null && dataTypes.size() == args().length,
                "Expected %s input data types, got %s", args().length, dataTypes);
        return Collections.singletonList(dataTypes.get(0));
    }

    @Override
    public Map<String, Object> propertiesForFunction() {
        return Collections.emptyMap();
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
    }
}
