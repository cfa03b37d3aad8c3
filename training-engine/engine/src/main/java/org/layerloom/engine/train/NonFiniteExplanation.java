package org.layerloom.engine.train;

import java.util.Locale;
import org.layerloom.engine.train.event.OutputNotFinite;

/**
 * The student's explanation of an {@link OutputNotFinite}: what is not a number, where it first appeared
 * and what to check (the data, the processor's kernels). It never blames the learning rate: no update
 * had happened yet. Stateless; any thread.
 */
public final class NonFiniteExplanation {

    private static final String KERNELS = "Check the data, then the processor's kernels: the status bar shows the"
            + " verdict of LayerLoom's kernel self-test, and 'layerloom kernels --compare' runs it in full."
            + " Train again with other kernels: start LayerLoom with the environment variable"
            + " LAYERLOOM_KERNELS=onednn-off, or choose Device CPU instead of GPU in Settings (--device cpu for"
            + " layerloom train).";

    private NonFiniteExplanation() {
    }

    /** The full message, e.g. "… Conv 2 (Conv2D) turned finite inputs into NaN. …". */
    public static String text(OutputNotFinite found) {
        String values = found.value().equals("NaN") ? "NaN (not a number)" : "infinite";
        String opening = "The network's output is not a number for this input (epoch " + found.epoch() + ", batch "
                + found.batch() + "), " + (found.updates() == 0
                        ? "before any weight was updated, so the learning rate is not the cause. "
                        : "after " + found.updates() + " updates, and the learning rate is not the cause. ");
        String where = found.dataWhere().isEmpty() ? "" : " (" + found.dataWhere() + ")";
        String node = who(found.nodeName(), found.layerKind());
        return opening + switch (found.cause()) {
            case INPUT -> "The input batch itself contains " + values + " values: check the data" + where + "."
                    + (found.value().equals("NaN") ? "" : " Numbers beyond about ±3.4e38 do not fit the network's"
                            + " 32-bit numbers and become infinite.")
                    + " Fix or remove those values before training, or normalise the data.";
            case TARGETS -> "The targets of this batch contain " + values + " values: check the data" + where
                    + ". Fix or remove those rows before training.";
            case PARAMETER -> "The initial '" + found.parameter() + "' values of " + node + " are " + values
                    + ", so its output cannot be a number. " + KERNELS;
            case LAYER -> node + " turned finite inputs into " + values + " values. " + KERNELS;
            case LOSS -> "Every layer's output was finite, but the loss computed from it is " + values + ". "
                    + KERNELS;
            case NOT_REPRODUCED -> "The output was not a number once and finite on a rerun: the processor's kernels"
                    + " are not deterministic here. " + KERNELS;
        };
    }

    /** The node as messages name it (as {@code ShapeContext.who}): its name, with the kind when the name does not say it. */
    static String who(String name, String kind) {
        boolean saysKind = kind.isEmpty() || name.toLowerCase(Locale.ROOT).contains(kind.toLowerCase(Locale.ROOT));
        return saysKind ? name : name + " (" + kind + ")";
    }
}
