package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.project.EditJournal;
import org.layerloom.engine.project.ProjectFiles;

/** The journal and the autosave of a session, without a toolkit, on a real recovery thread. */
class ProjectAutosaveTest {

    @TempDir
    Path folder;

    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();
    private final EditorViewModel editor = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
    private final ProjectSession session = new ProjectSession(editor, Runnable::run, Runnable::run,
            new RecentFiles(Optional.empty()));

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private void addDense() {
        editor.perform(GraphEdits.addNode(editor.graph(), LayerKind.DENSE,
                new Position(40.0 * editor.graph().nodes().size(), 0)), "Add Dense");
    }

    /** What the next start finds if this window's process dies now. */
    private RecoveryStore.Snapshot leftBehind(ProjectAutosave autosave, RecoveryStore store) throws Exception {
        autosave.journal().flush().get(10, TimeUnit.SECONDS);
        assertThat(store.leftBehind()).as("the window is still open").isEmpty();
        autosave.release();
        autosave.journal().flush().get(10, TimeUnit.SECONDS);
        assertThat(store.leftBehind()).hasSize(1);
        return store.leftBehind().get(0);
    }

    @Test
    void every_committed_edit_settings_and_undo_included_is_journaled() throws Exception {
        RecoveryStore store = new RecoveryStore(folder);
        ProjectAutosave autosave = new ProjectAutosave(session, store.newSlot(), io, Clock.systemUTC());

        addDense();
        addDense();
        session.updateSettings(p -> p.withTraining(p.training().withEpochs(17)), "Set epochs to 17");
        editor.undoManager().undo();
        editor.undoManager().redo();
        editor.selection().selectOnly(editor.graph().nodes().get(0).id());

        RecoveryStore.Snapshot found = leftBehind(autosave, store);
        assertThat(found.journaledEdits()).as("2 adds, a setting, an undo, a redo; no selection").isEqualTo(5);
        assertThat(ProjectFiles.toJson(found.project())).isEqualTo(ProjectFiles.toJson(session.project()));
        assertThat(found.project().training().epochs()).isEqualTo(17);
    }

    @Test
    void an_autosave_empties_the_journal_and_the_edits_after_it_are_replayed_onto_it() throws Exception {
        RecoveryStore store = new RecoveryStore(folder);
        RecoveryStore.Slot slot = store.newSlot();
        ProjectAutosave autosave = new ProjectAutosave(session, slot, io, Clock.systemUTC());
        addDense();
        addDense();

        assertThat(autosave.autosaveNow()).isTrue();
        assertThat(autosave.autosaveNow()).as("nothing new").isFalse();
        autosave.journal().flush().get(10, TimeUnit.SECONDS);
        assertThat(Files.size(slot.newJournal().file())).isZero();
        assertThat(leftBehind(autosave, store).journaledEdits()).isZero();

        addDense();
        RecoveryStore.Snapshot found = leftBehind(autosave, store);
        assertThat(found.journaledEdits()).isEqualTo(1);
        assertThat(found.project().graph().nodes()).hasSize(3);
    }

    @Test
    void saving_the_work_deletes_the_journal_and_the_snapshot() throws Exception {
        RecoveryStore store = new RecoveryStore(folder.resolve("recovery"));
        RecoveryStore.Slot slot = store.newSlot();
        ProjectAutosave autosave = new ProjectAutosave(session, slot, io, Clock.systemUTC());
        addDense();
        autosave.autosaveNow();
        addDense();
        leftBehind(autosave, store);

        session.saveTo(folder.resolve("net.loom"), () -> { });

        autosave.journal().flush().get(10, TimeUnit.SECONDS);
        assertThat(store.leftBehind()).isEmpty();
        assertThat(EditJournal.read(slot.newJournal().file()).records()).isEmpty();
    }
}
