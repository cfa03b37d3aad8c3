package org.layerloom.engine.kernels;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.train.GradientLock;

/**
 * Runs one {@link KernelCase} natively and in plain Java and compares them. The forward output is compared
 * element by element; each operand's gradient of {@code L = Σ R·output} (R fixed and random, so no wrong
 * element can hide) is compared along two random directions with a central difference of the reference,
 * which is exact for convolutions and accurate to about 1e-7 for the recurrences. The native pass is
 * repeated, since one known fault is not deterministic. A case that {@link KernelCase#recordsGradients() records
 * no gradients} is checked on its forward output only. Stateless; any thread (gradients take their turn
 * at the process-wide {@link GradientLock}).
 */
final class KernelCheck {

    /** Largest forward difference accepted, relative to max(1, |reference|); float32 sums stay below 1e-5. */
    static final double FORWARD_TOLERANCE = 1e-4;
    /** Largest relative error of a directional derivative accepted; float32 stays below 1e-5. */
    static final double GRADIENT_TOLERANCE = 1e-3;

    private static final double STEP = 1e-3;
    private static final int DIRECTIONS = 2;

    private KernelCheck() {
    }

    static CaseResult run(KernelCase kernelCase, NDManager manager, int repeats, long seed) {
        Random random = new Random(seed);
        List<KernelCase.Operand> operands = kernelCase.operands();
        List<float[]> values = new ArrayList<>();
        for (KernelCase.Operand operand : operands) {
            values.add(gaussian(random, operand.size(), operand.name().startsWith("bias") ? 0.1 : 0.5));
        }
        List<double[]> exact = values.stream().map(KernelCheck::widen).toList();
        double[] expected = kernelCase.reference(exact);
        float[] weights = gaussian(random, expected.length, 1);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; kernelCase.recordsGradients() && i < operands.size(); i++) {
            for (int d = 0; d < DIRECTIONS; d++) {
                double[] direction = widen(gaussian(random, operands.get(i).size(), 1));
                double numeric = (loss(kernelCase, exact, i, direction, STEP, weights)
                        - loss(kernelCase, exact, i, direction, -STEP, weights)) / (2 * STEP);
                probes.add(new Probe(i, direction, numeric));
            }
        }

        double forwardError = 0;
        double gradientError = 0;
        String worstGradient = "";
        for (int repeat = 0; repeat < repeats; repeat++) {
            Native result = kernelCase.recordsGradients() ? runNative(kernelCase, manager, values, weights)
                    : runInference(kernelCase, manager, values);
            forwardError = worse(forwardError, forwardError(result.output(), expected));
            for (Probe probe : probes) {
                double error = probe.error(result.gradients().get(probe.operand()));
                if (!Double.isNaN(gradientError) && (Double.isNaN(error) || error > gradientError)) {
                    gradientError = error;
                    worstGradient = operands.get(probe.operand()).name();
                }
            }
        }
        boolean passed = forwardError <= FORWARD_TOLERANCE && gradientError <= GRADIENT_TOLERANCE;
        return new CaseResult(kernelCase.name(), forwardError, gradientError, worstGradient, passed);
    }

    /** The larger of two errors, where NaN is the largest. */
    private static double worse(double a, double b) {
        return Double.isNaN(a) || a >= b ? a : b;
    }

    /** One operand's directional derivative along {@code direction}, from the reference. */
    private record Probe(int operand, double[] direction, double numeric) {

        /** The relative error of the native gradient's derivative along the same direction. */
        double error(float[] gradient) {
            double analytic = 0;
            double scale = 0;
            for (int i = 0; i < gradient.length; i++) {
                analytic += gradient[i] * direction[i];
                scale += Math.abs(gradient[i] * direction[i]);
            }
            return Math.abs(analytic - numeric) / Math.max(scale, 1e-6);
        }
    }

    private record Native(float[] output, List<float[]> gradients) {
    }

    private static Native runNative(KernelCase kernelCase, NDManager parent, List<float[]> values, float[] weights) {
        try (NDManager scope = parent.newSubManager()) {
            NDList arrays = operandArrays(kernelCase, scope, values, true);
            float[] output;
            try (GradientLock.Turn turn = GradientLock.acquire();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = kernelCase.engine(arrays);
                output = out.toFloatArray();
                NDArray loss = out.mul(scope.create(weights, out.getShape())).sum();
                collector.backward(loss);
            }
            List<float[]> gradients = new ArrayList<>();
            for (NDArray array : arrays) {
                gradients.add(array.getGradient().toFloatArray());
            }
            return new Native(output, gradients);
        }
    }

    /** The forward output with gradient recording off on this thread, as inference runs. */
    private static Native runInference(KernelCase kernelCase, NDManager parent, List<float[]> values) {
        try (NDManager scope = parent.newSubManager()) {
            NDList arrays = operandArrays(kernelCase, scope, values, false);
            boolean recording = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            try {
                return new Native(kernelCase.engine(arrays).toFloatArray(), List.of());
            } finally {
                JniUtils.setGradMode(recording);
            }
        }
    }

    /** The case's operands as float32 arrays in {@code scope}, with gradients attached if asked. */
    private static NDList operandArrays(KernelCase kernelCase, NDManager scope, List<float[]> values,
            boolean withGradients) {
        NDList arrays = new NDList();
        List<KernelCase.Operand> operands = kernelCase.operands();
        for (int i = 0; i < operands.size(); i++) {
            NDArray array = scope.create(values.get(i), new Shape(operands.get(i).shape()));
            array.setRequiresGradient(withGradients);
            arrays.add(array);
        }
        return arrays;
    }

    private static double forwardError(float[] actual, double[] expected) {
        if (actual.length != expected.length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = worse(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
        }
        return worst;
    }

    private static double loss(KernelCase kernelCase, List<double[]> exact, int operand, double[] direction,
            double step, float[] weights) {
        List<double[]> moved = new ArrayList<>(exact);
        double[] value = exact.get(operand).clone();
        for (int i = 0; i < value.length; i++) {
            value[i] += step * direction[i];
        }
        moved.set(operand, value);
        double[] output = kernelCase.reference(moved);
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            sum += weights[i] * output[i];
        }
        return sum;
    }

    private static float[] gaussian(Random random, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }

    private static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
