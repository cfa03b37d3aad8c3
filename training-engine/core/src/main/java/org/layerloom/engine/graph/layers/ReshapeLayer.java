package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** Arranges the same values in a new shape, e.g. 784 features into a 1×28×28 image. */
final class ReshapeLayer extends LayerType {

    static final String TARGET = "target";

    ReshapeLayer() {
        super(LayerKind.RESHAPE, "Reshape", Category.CORE, "Arranges the same values in a new shape.",
                new Explanation("Reshape keeps every number but arranges them differently, for example 784 features"
                        + " as a 1×28×28 image so that convolutions can see neighbouring pixels. The new shape must"
                        + " hold exactly as many values as the old one.", "(784) → (1, 28, 28) since 1·28·28 = 784"),
                List.of(PortSpec.single()), true, List.of(
                        ParamSpec.dims(TARGET, "Target shape", ParamValue.Dims.of(1, 28, 28), 1_000_000,
                                "The new shape of one example, e.g. (1, 28, 28). It must hold as many values as the"
                                        + " input.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        TensorShape in = ctx.input();
        List<Integer> target = ctx.params().dims(TARGET);
        TensorShape out = new TensorShape(target, in.elements());
        if (out.size() == in.size()) {
            return Optional.of(out);
        }
        List<Fix> fixes = new ArrayList<>();
        Expect.imageShapeFor(in.size()).filter(g -> !g.equals(target)).ifPresent(g -> fixes.add(ctx.setParam(
                "Reshape to " + new ParamValue.Dims(g).display(), TARGET, new ParamValue.Dims(g))));
        if (in.size() <= Integer.MAX_VALUE) {
            ParamValue.Dims flat = ParamValue.Dims.of((int) in.size());
            fixes.add(ctx.setParam("Reshape to " + flat.display(), TARGET, flat));
        }
        return ctx.fail(ctx.who() + " to " + new ParamValue.Dims(target).display() + " needs "
                + Expect.count(out.size()) + " values per example but receives " + Expect.count(in.size())
                + " (" + in.describe() + "). The new shape must hold exactly as many values.",
                fixes.toArray(Fix[]::new));
    }
}
