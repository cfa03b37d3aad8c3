package org.layerloom.engine.kernels;

import java.util.Locale;

/**
 * What one self-test case measured: the largest forward difference from the plain-Java reference (scaled
 * by the reference's size), the largest relative error of a directional gradient, and whether both are
 * within the self-test's tolerance. NaN or infinity count as failures. Immutable.
 */
public record CaseResult(String name, double forwardError, double gradientError, String worstGradient,
        boolean passed) {

    /** "conv2d 20→8 channels, 6×6, stride 1: forward off by 0.51" or "…: gradient of weight NaN". */
    public String describe() {
        if (passed) {
            return String.format(Locale.ROOT, "%s: forward %.1e, gradient %.1e", name, forwardError, gradientError);
        }
        if (!(forwardError <= KernelCheck.FORWARD_TOLERANCE)) {
            return name + ": forward " + (Double.isFinite(forwardError)
                    ? String.format(Locale.ROOT, "off by %.2g", forwardError) : "not a number");
        }
        return name + ": gradient of " + worstGradient + (Double.isFinite(gradientError)
                ? String.format(Locale.ROOT, " off by %.0f %%", 100 * gradientError) : " not a number");
    }
}
