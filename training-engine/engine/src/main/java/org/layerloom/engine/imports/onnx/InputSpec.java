package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.List;
import onnx.Onnx.GraphProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.ValueInfoProto;
import org.layerloom.engine.graph.ElementType;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.TensorShape;

/**
 * The model's one input as a LayerLoom Input: float32 (batch, F), (batch, T, F) or (batch, C, H, W), or
 * int64 (batch, T) token ids. The batch axis may be symbolic; every other axis must have a fixed size,
 * since LayerLoom's shapes are fixed. A model exported for a fixed batch size keeps it (0 when free), so
 * that a reshape target naming that size reads as the batch. Immutable; any thread.
 */
record InputSpec(String name, TensorShape shape, long fixedBatch) {

    /** Whether {@code size} stands for the batch axis: the model was exported for this fixed batch size. */
    boolean isBatch(long size) {
        return fixedBatch > 0 && size == fixedBatch;
    }


    static InputSpec read(GraphProto graph, OnnxValues values) throws ImportFailure {
        List<String> inputs = values.inputs();
        if (inputs.size() != 1) {
            throw new ImportFailure("the model has " + inputs.size() + " inputs " + inputs + "; LayerLoom networks"
                    + " have exactly one.");
        }
        String name = inputs.get(0);
        ValueInfoProto info = graph.getInputList().stream().filter(i -> i.getName().equals(name)).findFirst()
                .orElseThrow();
        if (!info.getType().hasTensorType() || !info.getType().getTensorType().hasShape()) {
            throw new ImportFailure(name, "", "the input " + name + " has no tensor type with a shape; LayerLoom needs"
                    + " the size of one example.");
        }
        int type = info.getType().getTensorType().getElemType();
        boolean tokens = type == TensorProto.DataType.INT64_VALUE || type == TensorProto.DataType.INT32_VALUE;
        if (!tokens && type != TensorProto.DataType.FLOAT_VALUE) {
            throw new ImportFailure(name, "", "the input " + name + " has ONNX element type " + type
                    + "; LayerLoom reads float32 values or int64 token ids.");
        }
        TensorShapeProto shape = info.getType().getTensorType().getShape();
        int rank = shape.getDimCount();
        if (rank < 2 || rank > 4 || (tokens && rank != 2)) {
            throw new ImportFailure(name, "", "the input " + name + " has rank " + rank + "; LayerLoom takes a batch"
                    + " of vectors (2), sequences (3) or images (4), or of token-id sequences (2).");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i < rank; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            if (!d.hasDimValue() || d.getDimValue() < 1 || d.getDimValue() > Integer.MAX_VALUE) {
                String what = d.hasDimParam() ? "the symbol '" + d.getDimParam() + "'" : "no fixed size";
                throw new ImportFailure(name, "", "axis " + i + " of the input " + name + " has " + what
                        + " (a dynamic shape); LayerLoom needs a fixed size for every axis but the batch. Export"
                        + " the model with a fixed input size.");
            }
            dims.add((int) d.getDimValue());
        }
        TensorShapeProto.Dimension batch = shape.getDim(0);
        return new InputSpec(name, new TensorShape(dims, tokens ? ElementType.TOKEN_ID : ElementType.REAL),
                batch.hasDimValue() ? batch.getDimValue() : 0);
    }

    /** The Input layer that makes {@code output} from the graph input. */
    LayerMatch match(String output, List<Integer> nodes) {
        return new LayerMatch(LayerKind.INPUT, List.of(), output, nodes)
                .param("shape", new ParamValue.Dims(shape.dims()))
                .param("values", shape.isTokenIds() ? "token_ids" : "real");
    }
}
