package org.layerloom.engine.kernels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Remembers kernel verdicts per {@link MachineKey} in a small JSON file, by default
 * {@code ~/.layerloom/kernels.json} (the system property {@code layerloom.kernels.store} moves it). Only the
 * choice and the default kernels' failure are kept: the self-test of the chosen kernels runs at every start.
 * A missing or damaged file is simply an empty store. Not thread-safe; {@link KernelGuard} calls it under its
 * lock.
 */
final class VerdictStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    VerdictStore(Path file) {
        this.file = file;
    }

    static VerdictStore standard() {
        String property = System.getProperty("layerloom.kernels.store");
        return new VerdictStore(property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".layerloom", "kernels.json"));
    }

    /** A remembered choice for this key. */
    record Remembered(KernelChoice choice, String defaultFailure, String checkedAt) {
    }

    Optional<Remembered> find(MachineKey key) {
        JsonNode entry = read().path(key.digest());
        if (!entry.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Remembered(KernelChoice.valueOf(entry.path("choice").asText()),
                    entry.path("defaultFailure").isTextual() ? entry.path("defaultFailure").asText() : null,
                    entry.path("checkedAt").asText("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes the verdict's entry; a file that cannot be written only means the test runs again next time. */
    void remember(KernelVerdict verdict) {
        ObjectNode all = read();
        ObjectNode entry = all.putObject(verdict.machine().digest());
        entry.put("choice", verdict.choice().name());
        if (verdict.defaultFailure() != null) {
            entry.put("defaultFailure", verdict.defaultFailure());
        }
        entry.put("checkedAt", verdict.checkedAt());
        entry.put("processor", verdict.machine().processor());
        entry.put("djl", verdict.machine().djl());
        entry.put("pytorch", verdict.machine().pytorch());
        entry.put("isaCap", verdict.machine().isaCap());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), all);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Not remembered: the next start tests the default kernels again.
        }
    }

    private ObjectNode read() {
        try {
            if (Files.isRegularFile(file)) {
                JsonNode node = JSON.readTree(file.toFile());
                if (node instanceof ObjectNode object) {
                    return object;
                }
            }
        } catch (IOException | RuntimeException e) {
            // damaged: start afresh
        }
        return JSON.createObjectNode();
    }
}
