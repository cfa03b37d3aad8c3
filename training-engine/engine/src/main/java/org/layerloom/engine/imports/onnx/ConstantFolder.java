package org.layerloom.engine.imports.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * Folds the constant parts of an ONNX graph on demand: {@code Constant}, and {@code Identity},
 * {@code Shape}, {@code Gather}, {@code Unsqueeze}, {@code Squeeze}, {@code Concat}, {@code Cast} and
 * {@code Slice} whose inputs are constants. {@code Shape} of a value whose shape is known folds too, with
 * the batch axis as {@link Tensor#BATCH}: so an exporter's {@code Shape → Gather → Unsqueeze → Concat}
 * subgraph becomes the constant target of the {@code Reshape} that reads it. A folded node counts as
 * imported. Made per import; one thread.
 */
final class ConstantFolder {

    static final Set<String> FOLDABLE = Set.of("Constant", "Identity", "Shape", "Gather", "Unsqueeze", "Squeeze",
            "Concat", "Cast", "Slice");

    private final OnnxValues values;
    /** The full shape (batch axis {@link Tensor#BATCH} first) of a value made by an imported layer, if known. */
    private final Function<String, Optional<long[]>> shapes;
    private final Set<Integer> folded = new HashSet<>();
    private final Set<Integer> failed = new HashSet<>();

    ConstantFolder(OnnxValues values, Function<String, Optional<long[]>> shapes) {
        this.values = values;
        this.shapes = shapes;
    }

    boolean isFolded(int node) {
        return folded.contains(node);
    }

    /** The constant value named {@code value}, folding the nodes that make it where they can be. */
    Optional<Tensor> constant(String value) {
        Optional<Tensor> known = values.knownConstant(value);
        if (known.isPresent()) {
            return known;
        }
        Optional<Integer> producer = values.producer(value);
        if (producer.isEmpty() || failed.contains(producer.get())) {
            return Optional.empty();
        }
        int index = producer.get();
        NodeProto node = values.node(index);
        if (!FOLDABLE.contains(node.getOpType()) || node.getOutputCount() != 1) {
            return Optional.empty();
        }
        Optional<Tensor> result;
        try {
            result = evaluate(node);
        } catch (ImportFailure | RuntimeException e) {
            result = Optional.empty();
        }
        if (result.isEmpty()) {
            failed.add(index);
            return Optional.empty();
        }
        folded.add(index);
        values.putConstant(value, result.get());
        return result;
    }

    /** Folds node {@code index} if it can; whether it did. */
    boolean fold(int index) {
        NodeProto node = values.node(index);
        return node.getOutputCount() == 1 && FOLDABLE.contains(node.getOpType())
                && constant(node.getOutput(0)).isPresent();
    }

    private Optional<Tensor> evaluate(NodeProto node) throws ImportFailure {
        String op = node.getOpType();
        if (op.equals("Constant")) {
            return constantAttribute(node);
        }
        if (op.equals("Shape")) {
            return shapeOf(node);
        }
        List<Tensor> in = new ArrayList<>();
        for (String name : node.getInputList()) {
            if (name.isEmpty()) {
                in.add(null);
                continue;
            }
            Optional<Tensor> c = constant(name);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            in.add(c.get());
        }
        return switch (op) {
            case "Identity" -> Optional.of(in.get(0));
            case "Gather" -> gather(in.get(0), in.get(1), Attributes.integer(node, "axis", 0));
            case "Unsqueeze" -> unsqueeze(in.get(0), axes(node, in));
            case "Squeeze" -> squeeze(in.get(0), axes(node, in));
            case "Concat" -> concat(in, Attributes.integer(node, "axis", 0));
            case "Cast" -> cast(in.get(0), (int) Attributes.integer(node, "to", TensorProto.DataType.FLOAT_VALUE));
            case "Slice" -> slice(in);
            default -> Optional.empty();
        };
    }

    private Optional<Tensor> constantAttribute(NodeProto node) throws ImportFailure {
        var a = node.getAttributeCount() == 1 ? node.getAttribute(0) : null;
        if (a == null) {
            return Optional.empty();
        }
        return switch (a.getName()) {
            case "value" -> Optional.of(Tensors.decode(a.getT(), node.getOutput(0)));
            case "value_float" -> Optional.of(Tensor.ofFloats(new long[0], new float[] {a.getF()}));
            case "value_int" -> Optional.of(Tensor.ofLongs(new long[0], new long[] {a.getI()}));
            case "value_floats" -> {
                float[] f = new float[a.getFloatsCount()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = a.getFloats(i);
                }
                yield Optional.of(Tensor.ofFloats(new long[] {f.length}, f));
            }
            case "value_ints" -> Optional.of(Tensor.ofLongs(new long[] {a.getIntsCount()},
                    a.getIntsList().stream().mapToLong(Long::longValue).toArray()));
            default -> Optional.empty();
        };
    }

    private Optional<Tensor> shapeOf(NodeProto node) {
        String input = node.getInput(0);
        Optional<long[]> shape = values.knownConstant(input).map(Tensor::shape).or(() -> shapes.apply(input));
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        long[] s = shape.get();
        int rank = s.length;
        int start = (int) clampAxis(Attributes.integer(node, "start", 0), rank);
        int end = (int) clampAxis(Attributes.integer(node, "end", rank), rank);
        long[] part = Arrays.copyOfRange(s, start, Math.max(start, end));
        return Optional.of(Tensor.ofLongs(new long[] {part.length}, part));
    }

    private static long clampAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return Math.max(0, Math.min(rank, a));
    }

    private static List<Long> axes(NodeProto node, List<Tensor> in) {
        if (in.size() > 1 && in.get(1) != null) {
            return Arrays.stream(in.get(1).asLongs()).boxed().toList();
        }
        return Attributes.ints(node, "axes").orElse(List.of());
    }

    private static Optional<Tensor> gather(Tensor data, Tensor indices, long axis) {
        if (axis != 0 || data.rank() == 0) {
            return Optional.empty();
        }
        long rows = data.shape()[0];
        int rowSize = (int) (data.size() / Math.max(1, rows));
        long[] idx = indices.asLongs();
        long[] shape = new long[indices.rank() + data.rank() - 1];
        System.arraycopy(indices.shape(), 0, shape, 0, indices.rank());
        System.arraycopy(data.shape(), 1, shape, indices.rank(), data.rank() - 1);
        float[] f = data.isFloat() ? new float[idx.length * rowSize] : null;
        long[] l = data.isFloat() ? null : new long[idx.length * rowSize];
        for (int i = 0; i < idx.length; i++) {
            long row = idx[i] < 0 ? idx[i] + rows : idx[i];
            if (row < 0 || row >= rows) {
                return Optional.empty();
            }
            if (f != null) {
                System.arraycopy(data.floats(), (int) row * rowSize, f, i * rowSize, rowSize);
            } else {
                System.arraycopy(data.longs(), (int) row * rowSize, l, i * rowSize, rowSize);
            }
        }
        return Optional.of(new Tensor(shape, f, l));
    }

    private static Optional<Tensor> unsqueeze(Tensor data, List<Long> axes) {
        int rank = data.rank() + axes.size();
        Set<Long> at = new HashSet<>();
        for (long a : axes) {
            at.add(a < 0 ? a + rank : a);
        }
        long[] shape = new long[rank];
        int from = 0;
        for (int i = 0; i < rank; i++) {
            shape[i] = at.contains((long) i) ? 1 : data.shape()[from++];
        }
        return from == data.rank() ? Optional.of(data.reshaped(shape)) : Optional.empty();
    }

    private static Optional<Tensor> squeeze(Tensor data, List<Long> axes) {
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < data.rank(); i++) {
            long d = data.shape()[i];
            boolean drop = axes.isEmpty() ? d == 1 : axes.contains((long) i) || axes.contains((long) i - data.rank());
            if (!drop) {
                shape.add(d);
            } else if (d != 1) {
                return Optional.empty();
            }
        }
        return Optional.of(data.reshaped(shape.stream().mapToLong(Long::longValue).toArray()));
    }

    private static Optional<Tensor> concat(List<Tensor> in, long axis) {
        if (in.stream().anyMatch(t -> t == null || t.rank() != 1) || (axis != 0 && axis != -1)) {
            return Optional.empty();
        }
        boolean floats = in.stream().allMatch(Tensor::isFloat);
        boolean longs = in.stream().noneMatch(Tensor::isFloat);
        if (!floats && !longs) {
            return Optional.empty();
        }
        int total = in.stream().mapToInt(Tensor::size).sum();
        float[] f = floats ? new float[total] : null;
        long[] l = longs ? new long[total] : null;
        int at = 0;
        for (Tensor t : in) {
            if (floats) {
                System.arraycopy(t.floats(), 0, f, at, t.size());
            } else {
                System.arraycopy(t.longs(), 0, l, at, t.size());
            }
            at += t.size();
        }
        return Optional.of(new Tensor(new long[] {total}, f, l));
    }

    private static Optional<Tensor> cast(Tensor data, int to) {
        boolean toFloat = to == TensorProto.DataType.FLOAT_VALUE || to == TensorProto.DataType.DOUBLE_VALUE;
        if (toFloat) {
            return data.isFloat() || Arrays.stream(data.longs()).noneMatch(v -> v == Tensor.BATCH)
                    ? Optional.of(Tensor.ofFloats(data.shape(), data.asFloats())) : Optional.empty();
        }
        return Optional.of(Tensor.ofLongs(data.shape(), data.asLongs()));
    }

    private static Optional<Tensor> slice(List<Tensor> in) {
        Tensor data = in.get(0);
        if (data.rank() != 1 || in.size() < 3 || in.get(1) == null || in.get(2) == null) {
            return Optional.empty();
        }
        long n = data.size();
        long start = in.get(1).asLongs()[0];
        long end = in.get(2).asLongs()[0];
        long step = in.size() > 4 && in.get(4) != null ? in.get(4).asLongs()[0] : 1;
        if (step != 1) {
            return Optional.empty();
        }
        start = Math.max(0, Math.min(n, start < 0 ? start + n : start));
        end = Math.max(0, Math.min(n, end < 0 ? end + n : end));
        int length = (int) Math.max(0, end - start);
        if (data.isFloat()) {
            return Optional.of(Tensor.ofFloats(new long[] {length},
                    Arrays.copyOfRange(data.floats(), (int) start, (int) start + length)));
        }
        return Optional.of(Tensor.ofLongs(new long[] {length},
                Arrays.copyOfRange(data.longs(), (int) start, (int) start + length)));
    }
}
