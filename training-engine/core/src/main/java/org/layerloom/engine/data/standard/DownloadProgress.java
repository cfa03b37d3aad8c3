package org.layerloom.engine.data.standard;

import java.util.Locale;
import org.layerloom.engine.text.Numbers;

/**
 * How far one download has got: the file, bytes received, bytes expected (0 if unknown) and the average speed
 * so far. Immutable; any thread.
 */
public record DownloadProgress(String file, long bytes, long totalBytes, double bytesPerSecond) {

    /** Percent done from 0 to 100, or −1 when the size is unknown. */
    public double percent() {
        return totalBytes > 0 ? Math.min(100, 100.0 * bytes / totalBytes) : -1;
    }

    /** "Downloading x.gz: 3.2 of 9.9 MB (32 %), 1.4 MB/s". */
    public String describe() {
        String size = totalBytes > 0 ? String.format(Locale.ROOT, "%s of %s (%s)", megabytes(bytes),
                megabytes(totalBytes), Numbers.percent(percent() / 100)) : megabytes(bytes);
        return String.format(Locale.ROOT, "Downloading %s: %s, %s/s", file, size, megabytes((long) bytesPerSecond));
    }

    static String megabytes(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
