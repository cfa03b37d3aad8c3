package org.layerloom.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * A saved run that a job asks to resume, checked before anything is compiled: its folder, manifest and
 * checkpoint are readable, and the job trains the same network (node positions and names aside) on the
 * same data with the same optimizer and batch size, with epochs left to train. Every refusal says why
 * and what to do. Immutable; worker thread.
 *
 * @param history the epochs trained before the checkpoint, from {@code metrics.json}
 */
record ResumePoint(RunFolder folder, Map<String, Object> manifest, RunCheckpoint.Position position,
                   List<EpochEnded> history) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ResumePoint open(TrainingJob job, String datasetSha256) throws TrainingSetupException {
        Path dir = job.resumeFrom();
        String run = "the run " + dir.getFileName();
        String sentence = "The run " + dir.getFileName();
        try {
            RunFolder folder = RunFolder.open(dir);
            Map<String, Object> manifest = folder.readJson("manifest");
            if (manifest.isEmpty()) {
                throw new TrainingSetupException("LayerLoom cannot resume " + run + ": " + dir
                        + " has no manifest.json, so it is not a LayerLoom run folder.");
            }
            TrainingSettings settings = job.settings();
            if (!(manifest.get("dataset") instanceof Map<?, ?> data) || !datasetSha256.equals(data.get("sha256"))) {
                throw new TrainingSetupException("The data has changed since " + run + " was trained, so resuming it"
                        + " would go on with other examples. Load the same dataset with the same options and"
                        + " validation split, or start a new run.");
            }
            Project saved = ProjectFiles.fromJson(JSON.writeValueAsString(manifest.get("project")),
                    "manifest.json of " + run);
            if (!structure(saved.graph()).equals(structure(job.project().graph()))) {
                throw new TrainingSetupException("The network has changed since " + run + " was trained. A run can"
                        + " only resume with the network it was trained with: undo the changes, or start a new run.");
            }
            TrainingSettings before = saved.training();
            if (before.optimizer().kind() != settings.optimizer().kind()) {
                throw new TrainingSetupException(sentence
                        + " was trained with the optimizer " + before.optimizer().kind().id() + ". Resume it with "
                        + before.optimizer().kind().id() + ", or start a new run with "
                        + settings.optimizer().kind().id() + ".");
            }
            if (before.batchSize() != settings.batchSize()) {
                throw new TrainingSetupException(sentence
                        + " was trained with batches of " + before.batchSize() + ". Resume it with that batch size,"
                        + " or start a new run with batches of " + settings.batchSize() + ".");
            }
            RunCheckpoint.Saved checkpoint = RunCheckpoint.read(folder);
            RunCheckpoint.Position position = checkpoint.position();
            if (position.epochsDone() >= settings.epochs()) {
                throw new TrainingSetupException(sentence
                        + " has already trained " + position.epochsDone() + " epoch(s). Set more than "
                        + position.epochsDone() + " epochs to train it further.");
            }
            List<EpochEnded> history = folder.readMetrics();
            if (history.size() < position.epochsDone()) {
                throw new IOException("metrics.json holds " + history.size() + " epoch(s), but the checkpoint was"
                        + " saved after " + position.epochsDone());
            }
            return new ResumePoint(folder, manifest, position, List.copyOf(history.subList(0, position.epochsDone())));
        } catch (IOException | ProjectFileException e) {
            throw new TrainingSetupException("LayerLoom cannot resume " + run + ": " + e.getMessage() + ".");
        }
    }

    /** The graph without what does not change the computation: node names and positions. */
    private static NetworkGraph structure(NetworkGraph graph) {
        return new NetworkGraph(graph.nodes().stream()
                .map(n -> new Node(n.id(), n.kind(), "", n.params(), Position.ORIGIN)).toList(), graph.wires());
    }
}
