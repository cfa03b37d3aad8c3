package org.layerloom.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The peak resident memory of this process so far ({@code VmHWM} of {@code /proc/self/status}), in MB.
 * Meaningful for a benchmark only in a process that ran nothing else. Stateless; any thread.
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** VmHWM in MB; empty where /proc is missing (not Linux). */
    public static OptionalDouble peakRssMb() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalDouble.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalDouble.of(Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }
}
