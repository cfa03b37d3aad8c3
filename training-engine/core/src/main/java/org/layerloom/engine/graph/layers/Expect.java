package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/**
 * The input requirements most layers share (real numbers; a vector, a sequence or feature maps),
 * each with the message a student reads and the fixes that help. Stateless.
 */
final class Expect {

    static final int DEFAULT_VOCABULARY = 10_000;
    static final int DEFAULT_EMBEDDING = 64;

    private Expect() {
    }

    /** Real numbers of any rank; token ids need an Embedding first. */
    static boolean real(ShapeContext ctx, TensorShape in) {
        if (!in.isTokenIds()) {
            return true;
        }
        ctx.fail(ctx.who() + " needs real numbers but receives " + in.describe() + " (whole-number word codes)."
                + " Token ids must first pass through an Embedding, which turns each id into a vector of numbers.",
                insertEmbedding(ctx));
        return false;
    }

    static Fix insertEmbedding(ShapeContext ctx) {
        return ctx.insertBefore("Insert an Embedding before it", LayerKind.EMBEDDING, Parameters.empty());
    }

    /** A vector (F) or a sequence (T, F), as Dense takes. */
    static boolean vectorOrSequence(ShapeContext ctx) {
        TensorShape in = ctx.input();
        if (!real(ctx, in)) {
            return false;
        }
        if (in.rank() <= 2) {
            return true;
        }
        List<Fix> fixes = new ArrayList<>();
        fixes.add(ctx.insertBefore("Insert a Flatten before it", LayerKind.FLATTEN, Parameters.empty()));
        if (in.isImage() && in.dim(0) > 1) {
            fixes.add(ctx.insertBefore("Insert global average pooling (" + in.dim(0) + " features)",
                    LayerKind.GLOBAL_AVG_POOL2D, Parameters.empty()));
        }
        ctx.fail(ctx.who() + " needs a vector of features but receives " + in.describe() + ". Insert a Flatten"
                + " before it (it makes " + String.format(java.util.Locale.ROOT, "%,d", in.size()) + " features).",
                fixes.toArray(Fix[]::new));
        return false;
    }

    /** Feature maps (C, H, W), as Conv2D and the 2-D pools take. */
    static boolean image(ShapeContext ctx) {
        TensorShape in = ctx.input();
        if (!real(ctx, in)) {
            return false;
        }
        if (in.isImage()) {
            return true;
        }
        Optional<List<Integer>> guess = in.rank() == 1 ? imageShapeFor(in.size())
                : in.rank() == 2 ? Optional.of(List.of(1, in.dim(0), in.dim(1))) : Optional.empty();
        String message = ctx.who() + " needs an input of shape (channels, height, width) but receives "
                + in.describe() + ".";
        if (guess.isEmpty()) {
            ctx.fail(message + " Reshape it into feature maps first.");
            return false;
        }
        ParamValue.Dims target = new ParamValue.Dims(guess.get());
        ctx.fail(message + " Insert a Reshape to " + target.display() + " before it.",
                ctx.insertBefore("Insert a Reshape to " + target.display(), LayerKind.RESHAPE,
                        Parameters.empty().with(ReshapeLayer.TARGET, target)));
        return false;
    }

    /** A sequence (T, F), as recurrent, attention and Conv1D layers take. */
    static boolean sequence(ShapeContext ctx) {
        TensorShape in = ctx.input();
        if (in.isTokenIds()) {
            ctx.fail(ctx.who() + " needs a vector of numbers at every step, but receives " + in.describe()
                    + ". Insert an Embedding before it to turn each token id into a vector.", insertEmbedding(ctx));
            return false;
        }
        if (in.isSequence()) {
            return true;
        }
        String message = ctx.who() + " reads a sequence (time steps × features) but receives " + in.describe() + ".";
        ParamValue.Dims target = in.rank() == 1 ? ParamValue.Dims.of(in.dim(0), 1)
                : ParamValue.Dims.of(in.dim(in.rank() - 2), (int) (in.size() / in.dim(in.rank() - 2)));
        String hint = in.rank() == 1 ? " To read the features one after another, insert a Reshape to "
                : " To read the rows one after another, insert a Reshape to ";
        ctx.fail(message + hint + target.display() + " before it.",
                ctx.insertBefore("Insert a Reshape to " + target.display(), LayerKind.RESHAPE,
                        Parameters.empty().with(ReshapeLayer.TARGET, target)));
        return false;
    }

    /** (1, s, s) or (3, s, s) for a vector of that many values, as for flattened images. */
    static Optional<List<Integer>> imageShapeFor(long size) {
        for (int channels : new int[] {1, 3}) {
            if (size % channels == 0) {
                long side = Math.round(Math.sqrt((double) size / channels));
                if (side > 1 && side * side * channels == size) {
                    return Optional.of(List.of(channels, (int) side, (int) side));
                }
            }
        }
        return Optional.empty();
    }

    /** Output length of a convolution or pooling window along one axis (may be below 1). */
    static long slide(int length, int kernel, int stride, int padding) {
        return Math.floorDiv((long) length + 2L * padding - kernel, stride) + 1;
    }

    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
