package org.layerloom.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.layerloom.engine.project.AtomicFileWriter;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Unsaved work kept safe: each open project window has a recovery slot, a file in the config folder's
 * {@code recovery} folder holding the project as JSON, where it belongs (its file, if it has one) and when
 * it was written. The autosave writes the slot; a clean save or close deletes it. A slot still there at
 * the next start means LayerLoom did not close properly (a crash or a kill), and the start screen offers
 * to restore it. Writes are atomic, so a kill mid-write leaves the previous snapshot. Any thread; one
 * writer per slot.
 */
public final class RecoveryStore {

    private static final String SUFFIX = ".recovery.json";

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    public RecoveryStore(UserFolders folders) {
        this(folders.recovery());
    }

    public RecoveryStore(Path folder) {
        this.folder = folder;
    }

    /** A new slot for one open project. */
    public Slot newSlot() {
        return new Slot(folder.resolve(UUID.randomUUID() + SUFFIX));
    }

    /** Unsaved work that a previous session left behind, newest first; unreadable snapshots are skipped. */
    public List<Snapshot> leftBehind() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                read(file).ifPresent(snapshots::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        snapshots.sort(Comparator.comparing(Snapshot::savedAt).reversed());
        return snapshots;
    }

    private Optional<Snapshot> read(Path file) {
        try {
            JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Project project = ProjectFiles.fromJson(root.get("project").asText(), file.getFileName().toString());
            JsonNode origin = root.get("file");
            return Optional.of(new Snapshot(new Slot(file), project,
                    origin == null || origin.isNull() ? Optional.empty() : Optional.of(Path.of(origin.asText())),
                    Instant.parse(root.get("savedAt").asText())));
        } catch (IOException | ProjectFileException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Unsaved work found at start-up.
     *
     * @param file where the project was saved before, empty for a project never saved
     */
    public record Snapshot(Slot slot, Project project, Optional<Path> file, Instant savedAt) {

        /** "Spiral classifier (spirals.loom), 14:02" style description for the restore offer. */
        public String describe() {
            return project.name() + file.map(f -> " (" + f.getFileName() + ")").orElse(" (never saved)");
        }
    }

    /** One project's recovery file. */
    public final class Slot {

        private final Path file;

        private Slot(Path file) {
            this.file = file;
        }

        /** Writes the project's current state; atomic, so a kill leaves the previous snapshot. */
        public void write(Project project, Optional<Path> origin, Instant now) throws IOException {
            ObjectNode root = json.createObjectNode();
            root.put("savedAt", now.toString());
            if (origin.isPresent()) {
                root.put("file", origin.get().toAbsolutePath().toString());
            } else {
                root.putNull("file");
            }
            root.put("project", ProjectFiles.toJson(project));
            Files.createDirectories(folder);
            AtomicFileWriter.write(file, json.writeValueAsBytes(root));
        }

        /** Forgets the snapshot: the work was saved, discarded or restored. */
        public void clear() throws IOException {
            Files.deleteIfExists(file);
        }

        Path file() {
            return file;
        }
    }
}
