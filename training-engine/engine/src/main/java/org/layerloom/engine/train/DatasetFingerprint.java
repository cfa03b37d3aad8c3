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
        FloatBuffer source = values.duplicate();
        digest4(digest, source.remaining(), (chunk, from, n) -> chunk.asFloatBuffer().put(source.slice(from, n)));
    }

    private static void ints(MessageDigest digest, IntBuffer values) {
        IntBuffer source = values.duplicate();
        digest4(digest, source.remaining(), (chunk, from, n) -> chunk.asIntBuffer().put(source.slice(from, n)));
    }

    /** Feeds {@code count} 4-byte values to the digest, a chunk at a time, copied in by {@code fill}. */
    private static void digest4(MessageDigest digest, int count, ChunkFill fill) {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * 4);
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            chunk.clear();
            fill.copy(chunk, from, n);
            digest.update(chunk.array(), 0, n * 4);
        }
    }

    /** Copies values {@code [from, from + n)} into the start of {@code chunk}. */
    private interface ChunkFill {
        void copy(ByteBuffer chunk, int from, int n);
    }
}
