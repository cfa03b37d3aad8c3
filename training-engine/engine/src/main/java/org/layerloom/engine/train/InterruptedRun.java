package org.layerloom.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;

/**
 * A training that a crash or a kill cut short and that can go on: its {@code manifest.json} still says
 * "running" (a run that ends, however, says so), the process that trained it is gone, and its checkpoint
 * ({@code resume.json} with the files it vouches for) is intact. Continuing it is an ordinary resume from
 * {@link #folder()}. {@link #dismiss()} marks it "interrupted" so that it is not offered again. Immutable;
 * {@link #find} and {@link #dismiss} touch the disk, so call them off the JavaFX thread.
 *
 * @param projectName  the name of the project it trains
 * @param epochsDone   the epochs its checkpoint holds
 * @param epochs       the epochs it was set to train
 * @param checkpointAt when its checkpoint was written
 */
public record InterruptedRun(Path folder, String projectName, int epochsDone, int epochs, Instant checkpointAt) {

    /** The manifest status of a run found interrupted and dismissed. */
    public static final String DISMISSED = "interrupted";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The interrupted runs in {@code runsRoot} ({@code NAME.runs}), newest checkpoint first; none if it is absent. */
    public static List<InterruptedRun> find(Path runsRoot) throws IOException {
        if (!Files.isDirectory(runsRoot)) {
            return List.of();
        }
        List<InterruptedRun> found = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(runsRoot, Files::isDirectory)) {
            for (Path folder : folders) {
                if (Files.isRegularFile(folder.resolve("manifest.json"))) {
                    of(folder).ifPresent(found::add);
                }
            }
        }
        found.sort(Comparator.comparing(InterruptedRun::checkpointAt).reversed());
        return found;
    }

    /** The run in {@code folder} if it was cut short and can go on; empty for any other or unreadable run. */
    public static Optional<InterruptedRun> of(Path folder) {
        try {
            RunFolder run = RunFolder.open(folder);
            Map<String, Object> manifest = run.readJson("manifest");
            if (!"running".equals(manifest.get("status")) || manifest.containsKey("finished")
                    || stillTraining(manifest.get("process"))) {
                return Optional.empty();
            }
            Project project = ProjectFiles.fromJson(JSON.writeValueAsString(manifest.get("project")),
                    "manifest.json of " + folder.getFileName());
            int epochsDone = RunCheckpoint.read(run).position().epochsDone();
            int epochs = project.training().epochs();
            if (epochsDone >= epochs) {
                return Optional.empty();
            }
            Instant at = Files.getLastModifiedTime(folder.resolve(RunCheckpoint.RESUME + ".json")).toInstant();
            return Optional.of(new InterruptedRun(folder, project.name(), epochsDone, epochs, at));
        } catch (IOException | ProjectFileException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the process the manifest names is alive (the same process: its start time matches). */
    private static boolean stillTraining(Object process) {
        if (!(process instanceof Map<?, ?> named) || !(named.get("pid") instanceof Number pid)) {
            return false;
        }
        Object started = named.get("started");
        return ProcessHandle.of(pid.longValue()).filter(ProcessHandle::isAlive)
                .map(handle -> started == null || handle.info().startInstant()
                        .map(instant -> instant.toString().equals(started)).orElse(true))
                .orElse(false);
    }

    /** Marks the run {@value #DISMISSED} (its checkpoint stays; the run history can still continue it). */
    public void dismiss() throws IOException {
        RunFolder run = RunFolder.open(folder);
        Map<String, Object> manifest = new LinkedHashMap<>(run.readJson("manifest"));
        manifest.put("status", DISMISSED);
        manifest.put("finished", checkpointAt.toString());
        run.writeJson("manifest", manifest);
    }
}
