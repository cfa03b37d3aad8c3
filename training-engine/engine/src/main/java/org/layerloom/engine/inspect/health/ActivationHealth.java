package org.layerloom.engine.inspect.health;

/**
 * Plain-Java statistics of a batch of one node's outputs (batch axis first): the fraction of dead units
 * (a unit is a channel of (B, C, H, W) outputs, else an entry of the last axis; dead when it is zero for
 * every example and position) and the fraction of saturated values of a sigmoid or tanh. Stateless; any thread.
 */
public final class ActivationHealth {

    /** Sigmoid outputs below this or above 1 minus this are saturated. */
    public static final float SIGMOID_EDGE = 0.01f;
    /** Tanh outputs beyond ± this are saturated. */
    public static final float TANH_EDGE = 0.99f;

    private ActivationHealth() {
    }

    /**
     * @param shape  the batch's shape, batch axis first
     * @param values its values, row-major
     */
    public static double deadFraction(int[] shape, float[] values) {
        int units;
        int inner;
        if (shape.length == 4) {
            units = shape[1];
            inner = shape[2] * shape[3];
        } else {
            units = shape[shape.length - 1];
            inner = 1;
        }
        if (units == 0) {
            return Double.NaN;
        }
        boolean[] alive = new boolean[units];
        int perExample = values.length / shape[0];
        for (int b = 0; b < shape[0]; b++) {
            for (int i = 0; i < perExample; i++) {
                if (values[b * perExample + i] != 0f) {
                    int unit = shape.length == 4 ? i / inner : i % units;
                    alive[unit] = true;
                }
            }
        }
        int dead = 0;
        for (boolean a : alive) {
            if (!a) {
                dead++;
            }
        }
        return (double) dead / units;
    }

    /** The fraction of values at a saturated end of {@code activation} ("sigmoid" or "tanh"), else NaN. */
    public static double saturatedFraction(String activation, float[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        int saturated = 0;
        switch (activation) {
            case "sigmoid" -> {
                for (float v : values) {
                    if (v < SIGMOID_EDGE || v > 1 - SIGMOID_EDGE) {
                        saturated++;
                    }
                }
            }
            case "tanh" -> {
                for (float v : values) {
                    if (Math.abs(v) > TANH_EDGE) {
                        saturated++;
                    }
                }
            }
            default -> {
                return Double.NaN;
            }
        }
        return (double) saturated / values.length;
    }
}
