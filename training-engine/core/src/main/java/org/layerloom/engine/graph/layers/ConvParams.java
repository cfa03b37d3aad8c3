package org.layerloom.engine.graph.layers;

import java.util.Optional;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.ShapeContext;

/** The window parameters of convolutions and pools, and the check that the window fits its input. */
final class ConvParams {

    static final String FILTERS = "filters";
    static final String KERNEL = "kernel";
    static final String STRIDE = "stride";
    static final String PADDING = "padding";

    static final ParamSpec FILTERS_SPEC = ParamSpec.integer(FILTERS, "Filters", 32, 1, 4096,
            "How many different patterns the layer learns to detect; each makes one output channel.");
    static final ParamSpec STRIDE_SPEC = ParamSpec.integer(STRIDE, "Stride", 1, 1, 64,
            "How far the window moves each step; 2 halves the output size.");
    static final ParamSpec PADDING_SPEC = ParamSpec.integer(PADDING, "Padding", 0, 0, 64,
            "Zeros added around the input so the window can reach the border; padding (k − 1) / 2 with stride 1"
                    + " keeps the size.");

    private ConvParams() {
    }

    static ParamSpec kernel(String label, int defaultSize, String help) {
        return ParamSpec.integer(KERNEL, label, defaultSize, 1, 64, help);
    }

    /**
     * The output length of a window along an axis, or empty after reporting that the window is larger
     * than the (padded) input.
     */
    static Optional<Integer> slide(ShapeContext ctx, String axisWords, int length, String kernelParam,
                                   String windowWords) {
        int kernel = ctx.intParam(kernelParam);
        int stride = ctx.intParam(STRIDE);
        int padding = ctx.intParam(PADDING);
        long out = Expect.slide(length, kernel, stride, padding);
        if (out >= 1) {
            return Optional.of((int) out);
        }
        int fittingKernel = length + 2 * padding;
        int neededPadding = (kernel - length + 1) / 2;
        ctx.fail("The " + windowWords + " of " + ctx.who() + " is " + kernel + " wide, larger than the " + length
                        + " " + axisWords + " it slides over (with padding " + padding + "). Use a smaller window"
                        + " or more padding, or remove a pooling layer before it.",
                new Fix[] {ctx.setParam("Set " + kernelParam + " to " + fittingKernel, kernelParam,
                        new ParamValue.Int(Math.max(1, fittingKernel))),
                        ctx.setParam("Set padding to " + neededPadding, PADDING, new ParamValue.Int(neededPadding))});
        return Optional.empty();
    }
}
