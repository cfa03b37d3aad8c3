package org.layerloom.engine.train;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.data.TokenFeatures;

/**
 * The SHA-256 of a dataset's numbers (every split's features and labels, in order), written into a
 * run's manifest so two runs can be told to have used the same data. Stateless; any thread.
 */
final class DatasetFingerprint {

    private static final int CHUNK = 1 << 16;

    private DatasetFingerprint() {
    }

    static String of(Dataset dataset) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        for (Examples split : new Examples[] {dataset.train(), dataset.validation(), dataset.test()}) {
            if (split.features() instanceof RealFeatures real) {
                floats(digest, real.buffer());
            } else {
                ints(digest, ((TokenFeatures) split.features()).buffer());
            }
            if (split.labels() instanceof ClassLabels classes) {
                ints(digest, classes.buffer());
            } else {
                floats(digest, ((RegressionTargets) split.labels()).buffer());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void floats(MessageDigest digest, FloatBuffer values) {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * Float.BYTES);
        FloatBuffer source = values.duplicate();
        while (source.hasRemaining()) {
            chunk.clear();
            FloatBuffer view = chunk.asFloatBuffer();
            int n = Math.min(CHUNK, source.remaining());
            FloatBuffer part = source.slice().limit(n);
            view.put(part);
            source.position(source.position() + n);
            digest.update(chunk.array(), 0, n * Float.BYTES);
        }
    }

    private static void ints(MessageDigest digest, IntBuffer values) {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * Integer.BYTES);
        IntBuffer source = values.duplicate();
        while (source.hasRemaining()) {
            chunk.clear();
            IntBuffer view = chunk.asIntBuffer();
            int n = Math.min(CHUNK, source.remaining());
            IntBuffer part = source.slice().limit(n);
            view.put(part);
            source.position(source.position() + n);
            digest.update(chunk.array(), 0, n * Integer.BYTES);
        }
    }
}
