package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** Sums two or more branches of the same shape: the join of a residual (skip) connection. */
final class AddLayer extends LayerType {

    AddLayer() {
        super(LayerKind.ADD, "Add", Category.MERGE, "Adds branches of the same shape (residual connections).",
                new Explanation("Add sums its inputs number by number. With one input coming straight from earlier in"
                        + " the network (a skip connection), a block only has to learn a correction to its input,"
                        + " which lets very deep networks train (ResNet).", "y = x₁ + x₂ + …"),
                List.of(PortSpec.many()), true, List.of());
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        if (ctx.incoming().size() < 2) {
            return ctx.fail(ctx.who() + " sums two or more branches, but only one wire arrives. Connect a second"
                    + " branch, or delete it.");
        }
        for (ShapeContext.Incoming in : ctx.incoming()) {
            if (!Expect.real(ctx, in.shape())) {
                return Optional.empty();
            }
        }
        TensorShape first = ctx.input();
        List<Fix> fixes = new ArrayList<>();
        for (ShapeContext.Incoming in : ctx.incoming()) {
            if (!in.shape().equals(first)) {
                matchingLayer(ctx, in, first).ifPresent(fixes::add);
            }
        }
        boolean allEqual = ctx.inputs().stream().allMatch(first::equals);
        if (allEqual) {
            return Optional.of(first);
        }
        List<String> shapes = ctx.incoming().stream()
                .map(in -> in.shape().describe() + " from " + in.source().name()).toList();
        return ctx.fail(ctx.who() + " adds its inputs number by number, so they must have the same shape, but it"
                + " receives " + String.join(" and ", shapes) + ".", fixes.toArray(Fix[]::new));
    }

    /** A Dense (vectors, sequences) or 1×1 Conv2D (maps of equal size) that brings a branch to the first shape. */
    private static Optional<Fix> matchingLayer(ShapeContext ctx, ShapeContext.Incoming in, TensorShape target) {
        TensorShape shape = in.shape();
        if (shape.rank() != target.rank()) {
            return Optional.empty();
        }
        if (shape.rank() <= 2 && shape.dims().subList(0, shape.rank() - 1)
                .equals(target.dims().subList(0, target.rank() - 1))) {
            return Optional.of(ctx.insertOn("Insert a Dense of " + target.last() + " units after " + in.source().name(),
                    in, LayerKind.DENSE, Parameters.empty().with(DenseLayer.UNITS, new ParamValue.Int(target.last()))));
        }
        if (shape.isImage() && shape.dim(1) == target.dim(1) && shape.dim(2) == target.dim(2)) {
            return Optional.of(ctx.insertOn("Insert a 1×1 Conv2D with " + target.dim(0) + " filters after "
                    + in.source().name(), in, LayerKind.CONV2D, Parameters.empty()
                    .with(ConvParams.FILTERS, new ParamValue.Int(target.dim(0)))
                    .with(ConvParams.KERNEL, new ParamValue.Int(1))));
        }
        return Optional.empty();
    }
}
