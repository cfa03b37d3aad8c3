package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;

/**
 * Keras's {@code ZeroPadding1D/2D} right before a convolution: LayerLoom has no padding layer, so the
 * padding moves into the convolution that follows. Stateless.
 */
final class ZeroPadding {

    private ZeroPadding() {
    }

    static boolean is(String name) {
        return name.equals("ZeroPadding2D") || name.equals("ZeroPadding1D");
    }

    /** The padding on every side; uneven padding is refused. */
    static int size(CodeValue.LayerCall call) {
        Signature signature = new Signature(call.name(), List.of("padding", "data_format"), java.util.Set.of(),
                java.util.Set.of("name"));
        BoundArgs args = BoundArgs.bind(signature, call.args(), call.keywords(), call.pos());
        return args.square("padding", 1);
    }

    /** {@code steps} with the padding put into their first layer, which must be an unpadded convolution. */
    static List<LayerStep> into(List<LayerStep> steps, int padding, SourcePos pos) {
        if (steps.isEmpty() || (steps.get(0).kind() != LayerKind.CONV2D && steps.get(0).kind() != LayerKind.CONV1D)
                || ((ParamValue.Int) steps.get(0).params().get("padding")).value() != 0) {
            throw new ImportFailure(pos, "LayerLoom pads inside a convolution, so a ZeroPadding layer must come right"
                    + " before one with padding='valid'.", "Use padding='same' on the convolution instead.");
        }
        List<LayerStep> result = new ArrayList<>(steps);
        result.set(0, steps.get(0).with("padding", new ParamValue.Int(padding)));
        return result;
    }
}
