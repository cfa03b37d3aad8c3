package org.layerloom.engine.export.pytorch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.NpzWriter;

/**
 * Writes {@code data.npz}: the train, validation and test splits exactly as LayerLoom trains and tests on them
 * (prepared: normalised reals as float32, token ids as int64), as {@code x_train}, {@code y_train},
 * {@code x_validation}... Labels are laid out as the loss wants them, as in training: class indices (int64)
 * for the softmax cross-entropy, a 0/1 column (float32) for the sigmoid one, float32 targets for a regression.
 * Data of more than {@link #LIMIT_BYTES} is not copied. Stateless; any thread.
 */
final class DataFile {

    /** The most bytes of arrays copied into an export: MNIST as float32 (about 220 MB) fits. */
    static final long LIMIT_BYTES = 512L << 20;

    private static final String[] SPLITS = {"train", "validation", "test"};

    private DataFile() {
    }

    /** The bytes the arrays of {@code dataset} take in {@code data.npz}. */
    static long bytes(Dataset dataset) {
        long total = 0;
        for (Examples part : List.of(dataset.train(), dataset.validation(), dataset.test())) {
            long values = (long) part.size() * part.exampleSize();
            total += values * (part.features() instanceof TokenFeatures ? Long.BYTES : Float.BYTES);
            total += part.labels() instanceof RegressionTargets targets
                    ? (long) part.size() * targets.targetSize() * Float.BYTES : (long) part.size() * Long.BYTES;
        }
        return total;
    }

    /** Whether {@code dataset} is small enough to be copied. */
    static boolean fits(Dataset dataset) {
        return bytes(dataset) <= LIMIT_BYTES;
    }

    static void write(Path file, Dataset dataset, LossSpec loss) throws IOException {
        List<NpyArray> arrays = new ArrayList<>();
        Examples[] parts = {dataset.train(), dataset.validation(), dataset.test()};
        for (int i = 0; i < parts.length; i++) {
            arrays.add(features("x_" + SPLITS[i], parts[i]));
            arrays.add(labels("y_" + SPLITS[i], parts[i], loss));
        }
        NpzWriter.write(file, arrays);
    }

    private static NpyArray features(String name, Examples part) {
        long[] shape = new long[part.exampleShape().rank() + 1];
        shape[0] = part.size();
        for (int i = 0; i < part.exampleShape().rank(); i++) {
            shape[i + 1] = part.exampleShape().dim(i);
        }
        if (part.features() instanceof TokenFeatures tokens) {
            int[] ids = tokens.toArray();
            long[] values = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                values[i] = ids[i];
            }
            return NpyArray.longs(name, shape, values);
        }
        return NpyArray.floats(name, shape, part.realFeatures().toArray());
    }

    private static NpyArray labels(String name, Examples part, LossSpec loss) {
        int n = part.size();
        if (part.labels() instanceof ClassLabels classes) {
            int[] indices = classes.toArray();
            if (loss == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY) {
                float[] column = new float[n];
                for (int i = 0; i < n; i++) {
                    column[i] = indices[i];
                }
                return NpyArray.floats(name, new long[] {n, 1}, column);
            }
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = indices[i];
            }
            return NpyArray.longs(name, new long[] {n}, values);
        }
        RegressionTargets targets = (RegressionTargets) part.labels();
        return NpyArray.floats(name, new long[] {n, targets.targetSize()}, targets.toArray());
    }
}
