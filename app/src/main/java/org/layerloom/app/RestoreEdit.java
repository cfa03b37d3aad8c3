package org.layerloom.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.edit.AddNodeEdit;
import org.layerloom.engine.graph.edit.AddWireEdit;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Brings autosaved work back (the autosave with the journal's edits replayed onto it): its settings as one
 * undoable step, then the edit that replaces a whole network by another (the saved version by the restored
 * one) as another, and its use on the editor. Stateless; {@link #restore} on the JavaFX
 * thread, {@link #replacing} on any.
 */
final class RestoreEdit {

    private static final System.Logger LOG = System.getLogger(RestoreEdit.class.getName());

    private RestoreEdit() {
    }

    /**
     * Opens the snapshot's saved file (or, without one, a new project with its name and dataset) in
     * {@code model} and replaces the network by the autosaved one as one undoable step, so the work shows as
     * unsaved and Undo goes back to the saved version.
     */
    static void restore(ProjectSession session, RecoveryStore.Snapshot snapshot) {
        Optional<Path> file = snapshot.file().filter(Files::isRegularFile);
        Project base = snapshot.project().withGraph(NetworkGraph.empty());
        if (file.isPresent()) {
            try {
                base = ProjectFiles.load(file.get());
            } catch (ProjectFileException e) {
                LOG.log(System.Logger.Level.WARNING, "Restoring without the saved file: " + e.getMessage());
                file = Optional.empty();
            }
        }
        session.open(base, file);
        EditorViewModel model = session.editor();
        session.updateSettingsUnsaved(p -> snapshot.project().withGraph(p.graph()), "Restore autosaved settings");
        model.perform(replacing(model.graph(), snapshot.project().graph()), "Restore autosaved work");
        model.setStatus("Restored the unsaved work: " + snapshot.recovered() + ".");
    }


    static CompositeEdit replacing(NetworkGraph from, NetworkGraph to) {
        List<GraphEdit> edits = new ArrayList<>();
        if (!from.nodes().isEmpty()) {
            edits.add(GraphEdits.removeNodes(from, from.nodes().stream().map(Node::id).toList()));
        }
        for (int i = 0; i < to.nodes().size(); i++) {
            edits.add(new AddNodeEdit(to.nodes().get(i), i));
        }
        for (int i = 0; i < to.wires().size(); i++) {
            edits.add(new AddWireEdit(to.wires().get(i), i));
        }
        return new CompositeEdit("Restore autosaved work", edits);
    }
}
