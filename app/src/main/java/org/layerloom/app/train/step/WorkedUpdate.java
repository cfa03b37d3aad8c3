package org.layerloom.app.train.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.train.event.WeightStep;

/**
 * The optimizer's update of one weight as a student works it out on paper: one {@link Line} per formula, with
 * the engine's recorded numbers filled in (the gradient, the state before, the settings) and its result. State
 * after the step (m, v, b, s) and the value after are the engine's recorded ones; in-between quantities the engine
 * does not keep (Adam's bias-corrected m̂ and v̂ and its step, RMSProp's scaled gradient) are computed here from
 * the recorded numbers. Stateless; any thread.
 */
public final class WorkedUpdate {

    /** One formula: what it computes, the formula, the formula with the numbers, and its result. */
    public record Line(String name, String formula, String numbers, double result) {

        /** The whole line, e.g. {@code m = β₁·m + (1−β₁)·g = 0.9·0.0123 + 0.1·(−0.0456) = 0.00651}. */
        public String text() {
            return name + " = " + formula + " = " + numbers + " = " + number(result);
        }
    }

    private WorkedUpdate() {
    }

    /** The optimizer's name as a student reads it, e.g. "Adam" or "SGD with momentum". */
    public static String optimizerName(WeightStep step) {
        return switch (step.optimizer()) {
            case "sgd" -> setting(step, "momentum", 0) == 0 ? "SGD"
                    : setting(step, "nesterov", 0) == 1 ? "SGD with Nesterov momentum" : "SGD with momentum";
            case "adam" -> "Adam";
            case "adamw" -> "AdamW";
            case "rmsprop" -> setting(step, "momentum", 0) == 0 ? "RMSProp" : "RMSProp with momentum";
            case "adagrad" -> "Adagrad";
            default -> step.optimizer();
        };
    }

    /** The lines of the update, from the gradient to the new value. */
    public static List<Line> lines(WeightStep step) {
        List<Line> lines = new ArrayList<>();
        double w = step.valueBefore();
        double g = step.gradient();
        double lr = clean(step.learningRate());
        double decay = setting(step, "weight decay", 0);
        boolean decoupled = step.optimizer().equals("adamw");
        if (decay != 0 && !decoupled) {
            double decayed = g + decay * w;
            lines.add(new Line("g", "g + λ·w", number(g) + " + " + number(decay) + "·" + factor(w), decayed));
            g = decayed;
        }
        switch (step.optimizer()) {
            case "sgd" -> sgd(step, lines, w, g, lr);
            case "adam", "adamw" -> adam(step, lines, w, g, lr, decoupled ? decay : 0);
            case "rmsprop" -> rmsProp(step, lines, w, g, lr);
            case "adagrad" -> adagrad(step, lines, w, g, lr);
            default -> lines.add(new Line("w′", "the " + step.optimizer() + " update", number(w),
                    step.valueAfter()));
        }
        return lines;
    }

    private static void sgd(WeightStep step, List<Line> lines, double w, double g, double lr) {
        double mu = setting(step, "momentum", 0);
        if (mu == 0) {
            lines.add(new Line("w′", "w − η·g", number(w) + " − " + number(lr) + "·" + factor(g), step.valueAfter()));
            return;
        }
        double b = step.stateAfter().getOrDefault("b", Double.NaN);
        lines.add(new Line("b", "μ·b + g", number(mu) + "·" + factor(before(step, "b")) + " + " + factor(g), b));
        if (setting(step, "nesterov", 0) == 1) {
            lines.add(new Line("w′", "w − η·(g + μ·b)", number(w) + " − " + number(lr) + "·(" + number(g) + " + "
                    + number(mu) + "·" + factor(b) + ")", step.valueAfter()));
        } else {
            lines.add(new Line("w′", "w − η·b", number(w) + " − " + number(lr) + "·" + factor(b), step.valueAfter()));
        }
    }

    private static void adam(WeightStep step, List<Line> lines, double w, double g, double lr, double decoupledDecay) {
        double beta1 = setting(step, "beta1", 0.9);
        double beta2 = setting(step, "beta2", 0.999);
        double eps = setting(step, "epsilon", 1e-8);
        long t = step.update();
        if (decoupledDecay != 0) {
            double shrunk = w * (1 - lr * decoupledDecay);
            lines.add(new Line("w", "w·(1 − η·λ)", factor(w) + "·(1 − " + number(lr) + "·" + number(decoupledDecay)
                    + ")", shrunk));
            w = shrunk;
        }
        double m = step.stateAfter().getOrDefault("m", Double.NaN);
        double v = step.stateAfter().getOrDefault("v", Double.NaN);
        lines.add(new Line("m", "β₁·m + (1−β₁)·g", number(beta1) + "·" + factor(before(step, "m")) + " + "
                + number(1 - beta1) + "·" + factor(g), m));
        lines.add(new Line("v", "β₂·v + (1−β₂)·g²", number(beta2) + "·" + factor(before(step, "v")) + " + "
                + number(1 - beta2) + "·" + factor(g) + "²", v));
        double mHat = m / (1 - Math.pow(beta1, t));
        double vHat = v / (1 - Math.pow(beta2, t));
        lines.add(new Line("m̂", "m / (1 − β₁ᵗ)", number(m) + " / (1 − " + number(beta1) + superscript(t) + ")", mHat));
        lines.add(new Line("v̂", "v / (1 − β₂ᵗ)", number(v) + " / (1 − " + number(beta2) + superscript(t) + ")", vHat));
        double change = lr * mHat / (Math.sqrt(vHat) + eps);
        lines.add(new Line("step", "η·m̂ / (√v̂ + ε)", number(lr) + "·" + factor(mHat) + " / (√" + number(vHat) + " + "
                + number(eps) + ")", change));
        lines.add(new Line("w′", "w − step", number(w) + " − " + factor(change), step.valueAfter()));
    }

    private static void rmsProp(WeightStep step, List<Line> lines, double w, double g, double lr) {
        double rho = setting(step, "rho", 0.9);
        double mu = setting(step, "momentum", 0);
        double eps = setting(step, "epsilon", 1e-8);
        double s = step.stateAfter().getOrDefault("s", Double.NaN);
        lines.add(new Line("s", "ρ·s + (1−ρ)·g²", number(rho) + "·" + factor(before(step, "s")) + " + "
                + number(1 - rho) + "·" + factor(g) + "²", s));
        double u = g / (Math.sqrt(s) + eps);
        lines.add(new Line("u", "g / (√s + ε)", factor(g) + " / (√" + number(s) + " + " + number(eps) + ")", u));
        if (mu == 0) {
            lines.add(new Line("w′", "w − η·u", number(w) + " − " + number(lr) + "·" + factor(u), step.valueAfter()));
            return;
        }
        double b = step.stateAfter().getOrDefault("b", Double.NaN);
        lines.add(new Line("b", "μ·b + u", number(mu) + "·" + factor(before(step, "b")) + " + " + factor(u), b));
        lines.add(new Line("w′", "w − η·b", number(w) + " − " + number(lr) + "·" + factor(b), step.valueAfter()));
    }

    private static void adagrad(WeightStep step, List<Line> lines, double w, double g, double lr) {
        double eps = setting(step, "epsilon", 1e-10);
        double s = step.stateAfter().getOrDefault("s", Double.NaN);
        lines.add(new Line("s", "s + g²", number(before(step, "s")) + " + " + factor(g) + "²", s));
        lines.add(new Line("w′", "w − η·g / (√s + ε)", number(w) + " − " + number(lr) + "·" + factor(g) + " / (√"
                + number(s) + " + " + number(eps) + ")", step.valueAfter()));
    }

    /** A setting as the student typed it: the engine keeps float32, so 0.999 comes back as 0.99900001. */
    private static double setting(WeightStep step, String name, double fallback) {
        return clean(step.setting(name, fallback));
    }

    private static double clean(double value) {
        return Double.parseDouble(Float.toString((float) value));
    }

    /** {@code t} as a power, e.g. ² or ¹². */
    static String superscript(long t) {
        StringBuilder text = new StringBuilder();
        for (char digit : Long.toString(t).toCharArray()) {
            text.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit - '0'));
        }
        return text.toString();
    }

    private static double before(WeightStep step, String name) {
        return step.stateBefore().getOrDefault(name, 0.0);
    }

    /**
     * A number as the step view writes it: up to 6 significant digits (a weight's change can be small next to the
     * weight), scientific notation below 0.0001, a true minus sign.
     */
    public static String number(double value) {
        return number(value, 6);
    }

    /** A number as {@link #number(double)} writes it, with at most {@code digits} significant digits. */
    public static String number(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        String text;
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            text = new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).stripTrailingZeros()
                    .toPlainString();
        } else {
            text = String.format(Locale.ROOT, "%.3e", value).replaceFirst("\\.?0*e", "e")
                    .replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
        }
        return text.replace('-', '−');
    }

    /** A number as a factor after an operator: negative ones in parentheses, e.g. {@code (−0.0456)}. */
    static String factor(double value) {
        String text = number(value);
        return value < 0 ? "(" + text + ")" : text;
    }
}
