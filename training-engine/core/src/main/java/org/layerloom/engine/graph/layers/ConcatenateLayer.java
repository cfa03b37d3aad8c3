package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** Joins branches side by side along one axis (by default the features). */
final class ConcatenateLayer extends LayerType {

    static final String AXIS = "axis";

    ConcatenateLayer() {
        super(LayerKind.CONCATENATE, "Concatenate", Category.MERGE, "Joins branches side by side along one axis.",
                new Explanation("Concatenate puts its inputs next to each other along one axis: 64 and 32 features"
                        + " become 96; 16 and 16 feature maps become 32 maps. All other sizes must match. Nothing is"
                        + " learned.", "y = [x₁ ; x₂ ; …] along the chosen axis"),
                List.of(PortSpec.many()), true, List.of(
                        ParamSpec.integer(AXIS, "Axis", -1, -4, 3,
                                "Which axis to join along, counted from 0 without the batch; −1 is the last axis"
                                        + " (features), 0 the channels of feature maps.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        if (ctx.incoming().size() < 2) {
            return ctx.fail(ctx.who() + " joins two or more branches, but only one wire arrives. Connect a second"
                    + " branch, or delete it.");
        }
        TensorShape first = ctx.input();
        for (ShapeContext.Incoming in : ctx.incoming()) {
            if (in.shape().rank() != first.rank() || in.shape().elements() != first.elements()) {
                return ctx.fail(ctx.who() + " can only join tensors of the same kind, but receives " + first.describe()
                        + " from " + ctx.single().source().name() + " and " + in.shape().describe() + " from "
                        + in.source().name() + ".");
            }
        }
        int axisParam = ctx.intParam(AXIS);
        int axis = axisParam < 0 ? first.rank() + axisParam : axisParam;
        if (axis < 0 || axis >= first.rank()) {
            return ctx.fail(ctx.who() + " joins along axis " + axisParam + ", but its inputs have only "
                            + first.rank() + " axes (" + first + "). Use −1 for the last axis.",
                    ctx.setParam("Join along the last axis", AXIS, new ParamValue.Int(-1)));
        }
        long joined = 0;
        for (ShapeContext.Incoming in : ctx.incoming()) {
            for (int a = 0; a < first.rank(); a++) {
                if (a != axis && in.shape().dim(a) != first.dim(a)) {
                    return ctx.fail(ctx.who() + " joins along axis " + axis + ", so all other sizes must match, but it"
                            + " receives " + first + " from " + ctx.single().source().name() + " and " + in.shape()
                            + " from " + in.source().name() + ".");
                }
            }
            joined += in.shape().dim(axis);
        }
        if (joined > Integer.MAX_VALUE) {
            return ctx.fail(ctx.who() + " would make an axis of " + Expect.count(joined) + ", which is too large.");
        }
        List<Integer> dims = new ArrayList<>(first.dims());
        dims.set(axis, (int) joined);
        return Optional.of(new TensorShape(dims, first.elements()));
    }
}
