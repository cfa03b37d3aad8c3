package org.layerloom.app.start;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * The samples' training times measured on this computer, kept in a properties file in the config folder so each
 * is measured once per machine: entries are keyed by the machine (the digest of the kernel verdict's
 * {@code MachineKey}) and the sample's id, so a new processor or engine version measures again. Background
 * threads only (file I/O); its methods are synchronized.
 */
public final class SampleTimeCache {

    private final Path file;
    private final String machine;

    /**
     * @param file    the properties file, e.g. {@code <config>/sample-times.properties}
     * @param machine this machine's key, e.g. {@code MachineKey.digest()}
     */
    public SampleTimeCache(Path file, String machine) {
        this.file = Objects.requireNonNull(file, "file");
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    /** The minutes measured for a sample on this machine, if any. An unreadable file counts as empty. */
    public synchronized OptionalDouble minutes(String sampleId) {
        String value = read().getProperty(key(sampleId));
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double minutes = Double.parseDouble(value);
            return minutes > 0 && Double.isFinite(minutes) ? OptionalDouble.of(minutes) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Remembers a measurement (atomically replacing the file). */
    public synchronized void put(String sampleId, double minutes) {
        if (!(minutes > 0) || !Double.isFinite(minutes)) {
            throw new IllegalArgumentException("a training time must be a positive number of minutes, not " + minutes);
        }
        Properties all = read();
        all.setProperty(key(sampleId), Double.toString(minutes));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                all.store(out, "LayerLoom: sample training times measured on this computer (minutes)");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private String key(String sampleId) {
        return machine + "." + sampleId;
    }

    private Properties read() {
        Properties all = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                all.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return all;
    }
}
