package org.layerloom.engine.data.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.layerloom.engine.data.DatasetCancelledException;
import org.layerloom.engine.data.ProgressListener;

/**
 * Counts the bytes one pass over a file has read and reports them as "Reading data.csv · 120 MB of 197 MB"
 * (done and total in bytes), at most once per {@value #STEP_BYTES} bytes or per hundredth of the file, whichever
 * is more, so a listener that treats each new text as a new step hears about a hundred of them; a cancelled load
 * stops at the next {@link #poll()}. Used on the loading thread only.
 */
final class ByteProgress {

    private static final long STEP_BYTES = 1L << 20;

    private final ProgressListener listener;
    private final String verb;
    private final String name;
    private final long total;
    private final long step;
    private long read;
    private long reported = -1;

    ByteProgress(ProgressListener listener, String verb, Path file, long total) {
        this.listener = listener;
        this.verb = verb;
        this.name = file.getFileName().toString();
        this.total = total;
        this.step = Math.max(STEP_BYTES, total / 100);
    }

    /** {@code in}, counting what is read through it. */
    InputStream count(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                read += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = super.read(bytes, offset, length);
                read += Math.max(n, 0);
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                read += skipped;
                return skipped;
            }
        };
    }

    /** Bytes read so far. */
    long bytesRead() {
        return read;
    }

    /** Reports the bytes read when a step's worth more were read; stops if the load was cancelled. */
    void poll() throws DatasetCancelledException {
        if (read - reported >= step) {
            report();
        }
        if (listener.isCancelled()) {
            throw new DatasetCancelledException();
        }
    }

    /** Reports the bytes read now. */
    void report() {
        reported = read;
        listener.progressDidChange(String.format(Locale.ROOT, "%s %s · %s of %s", verb, name, megabytes(read),
                megabytes(total)), read, total);
    }

    private static String megabytes(long bytes) {
        return bytes < (1L << 20) ? String.format(Locale.ROOT, "%,d KB", (bytes + 1023) >> 10)
                : String.format(Locale.ROOT, "%,d MB", Math.round(bytes / 1048576.0));
    }
}
