package org.layerloom.app.workspace;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * A student who edits quickly and never saves, for {@link EditJournalKillTest}: a deterministic sequence of
 * committed edits of every kind (add a layer, set a parameter, rename, move, change the training settings, undo,
 * redo) on a session kept by the app's own {@link ProjectAutosave} (journal and autosave), which autosaves every
 * 16 edits. {@link #main} prints {@code ready}, then {@code edit K committed at MILLIS} after each edit, until it
 * is killed. Single thread; the journal writes on its own.
 */
public final class ScriptedEditor {

    /** More edits than a trial can make before its kill. */
    static final int EDITS = 1000;
    static final String READY = "ready";

    private ScriptedEditor() {
    }

    /** A fresh unsaved session, as the app's window has. */
    static ProjectSession newSession() {
        EditorViewModel editor = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
        return new ProjectSession(editor, Runnable::run, Runnable::run, new RecentFiles(Optional.empty()));
    }

    /** Commits edit number {@code k} (from 1). */
    static void apply(int k, ProjectSession session) {
        EditorViewModel editor = session.editor();
        List<Node> nodes = editor.graph().nodes();
        Node last = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        switch (k % 8) {
            case 1 -> editor.perform(GraphEdits.addConnected(editor.graph(), LayerKind.DENSE,
                    new Position(0, 90.0 * nodes.size()), last == null ? null : last.id(), "Add Dense"), "Add Dense");
            case 2 -> editor.perform(GraphEdits.setParameter(editor.graph(), last.id(), "units",
                    new ParamValue.Int(k)), "Set units to " + k);
            case 3 -> session.updateSettings(p -> p.withTraining(p.training().withEpochs(k)), "Set epochs to " + k);
            case 4 -> editor.perform(GraphEdits.rename(editor.graph(), last.id(), "Layer " + k), "Rename");
            case 5 -> editor.undoManager().undo();
            case 6 -> editor.undoManager().redo();
            case 7 -> editor.perform(GraphEdits.move(editor.graph(), nodes.get(0).id(), new Position(k, k)), "Move");
            default -> session.updateSettings(p -> p.withTraining(p.training().withBatchSize(k)),
                    "Set batch size to " + k);
        }
    }

    /** Edits until killed: {@code args[0]} is the recovery folder, {@code args[1]} the pause between edits in ms. */
    public static void main(String[] args) throws Exception {
        ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "layerloom-recovery");
            thread.setDaemon(true);
            return thread;
        });
        ProjectSession session = newSession();
        ProjectAutosave autosave = new ProjectAutosave(session, new RecoveryStore(Path.of(args[0])).newSlot(), io,
                Clock.systemUTC());
        long pause = Long.parseLong(args[1]);
        PrintStream out = System.out;
        out.println(READY);
        out.flush();
        for (int k = 1; k <= EDITS; k++) {
            apply(k, session);
            out.println("edit " + k + " committed at " + System.currentTimeMillis());
            out.flush();
            if (k % 16 == 0) {
                autosave.autosaveNow();
            }
            Thread.sleep(pause);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
