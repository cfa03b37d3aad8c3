package org.layerloom.editor.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.editor.TestGraphs;
import org.layerloom.editor.command.AddNodeCommand;
import org.layerloom.editor.command.RedoCommand;
import org.layerloom.editor.command.UndoCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.ProjectFiles;

/** The open project without a toolkit: the files executor is a queue the test runs by hand. */
class ProjectSessionTest {

    @TempDir
    Path dir;

    private final Queue<Runnable> files = new ArrayDeque<>();
    private final Executor queued = files::add;
    private final EditorViewModel editor = TestGraphs.editor();
    private final RecentFiles recent = new RecentFiles(Optional.empty());
    private final ProjectSession session = new ProjectSession(editor, queued, Runnable::run, recent);
    private final List<String> failures = new ArrayList<>();
    private final Queue<Optional<Path>> answers = new ArrayDeque<>();
    private int askedWhere;

    ProjectSessionTest() {
        session.useDialogs(new ProjectSession.Dialogs() {
            @Override
            public Optional<Path> askWhereToSave() {
                askedWhere++;
                return answers.isEmpty() ? Optional.empty() : answers.remove();
            }

            @Override
            public void failed(String header, String message) {
                failures.add(header);
            }
        });
    }

    private void runFiles() {
        while (!files.isEmpty()) {
            files.remove().run();
        }
    }

    private void addDense() {
        editor.perform(GraphEdits.addNode(editor.graph(), GraphBuilder.node("dense1", LayerKind.DENSE, 0, 0)), "Add");
    }

    @Test
    void the_title_marks_unsaved_changes_until_saved_or_undone() {
        assertThat(session.isDirty()).isFalse();
        new AddNodeCommand(editor, LayerKind.DENSE, Position.ORIGIN).execute();
        assertThat(session.isDirty()).isTrue();
        assertThat(session.titleProperty().get()).isEqualTo("• Untitled — LayerLoom");
        new UndoCommand(editor).execute();
        assertThat(session.dirtyProperty().get()).isFalse();
        new RedoCommand(editor).execute();
        session.saveTo(dir.resolve("net.loom"), () -> { });
        runFiles();
        assertThat(session.titleProperty().get()).isEqualTo("net.loom — LayerLoom");
        new UndoCommand(editor).execute();
        assertThat(session.isDirty()).isTrue();
    }

    @Test
    void a_save_writes_the_version_taken_when_asked_and_later_changes_stay_unsaved() throws Exception {
        Path file = dir.resolve("net.loom");
        AtomicInteger saved = new AtomicInteger();
        addDense();
        assertThat(session.dirtyProperty().get()).isTrue();

        session.saveTo(file, saved::incrementAndGet);
        assertThat(session.writingProperty().get()).as("written on the files executor").isTrue();
        assertThat(Files.exists(file)).isFalse();
        editor.perform(GraphEdits.addNode(editor.graph(), GraphBuilder.node("dense2", LayerKind.DENSE, 0, 90)), "Add");
        runFiles();

        assertThat(saved).hasValue(1);
        assertThat(session.writingProperty().get()).isFalse();
        assertThat(ProjectFiles.load(file).graph().nodes()).hasSize(1);
        assertThat(session.fileProperty().get()).contains(file);
        assertThat(session.dirtyProperty().get()).as("dense2 came after the save was taken").isTrue();
        assertThat(session.recentFiles()).containsExactly(file.toAbsolutePath().normalize());
        assertThat(session.titleProperty().get()).isEqualTo("• net.loom — LayerLoom");
    }

    @Test
    void saving_an_imported_project_into_another_folder_takes_its_starting_weights_along() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.write(first.resolve("net.weights.npz"), new byte[] {7, 7, 7});
        session.open(session.project().withStartingWeights(Optional.of("net.weights.npz")),
                Optional.of(first.resolve("net.loom")));

        session.saveTo(second.resolve("copy.loom"), () -> { });
        runFiles();

        assertThat(failures).isEmpty();
        assertThat(second.resolve("net.weights.npz")).hasBinaryContent(new byte[] {7, 7, 7});
        assertThat(ProjectFiles.load(second.resolve("copy.loom")).startingWeights()).contains("net.weights.npz");
        Files.delete(second.resolve("net.weights.npz"));
        Files.delete(first.resolve("net.weights.npz"));
        session.saveTo(dir.resolve("copy.loom"), () -> { });
        runFiles();
        assertThat(failures).containsExactly("LayerLoom could not save the project.");
    }

    @Test
    void a_failed_save_is_explained_and_what_was_to_follow_does_not_run() {
        AtomicInteger saved = new AtomicInteger();
        addDense();

        session.saveTo(dir.resolve("missing").resolve("deeper").resolve("net.loom"), saved::incrementAndGet);
        runFiles();

        assertThat(failures).containsExactly("LayerLoom could not save the project.");
        assertThat(saved).hasValue(0);
        assertThat(session.isDirty()).isTrue();
        assertThat(session.file()).isEmpty();
    }

    @Test
    void a_settings_change_of_a_project_never_saved_is_an_unsaved_step_that_asks_nothing() throws Exception {
        session.updateSettings(p -> p.withDataset(DatasetChoice.of("spirals")), "Use the dataset spirals");
        runFiles();

        assertThat(askedWhere).as("no question asked").isZero();
        assertThat(session.project().dataset().source()).isEqualTo("spirals");
        assertThat(session.file()).isEmpty();
        assertThat(session.isDirty()).isTrue();
        assertThat(session.title()).startsWith("• ");
        assertThat(editor.status()).isEqualTo("Use the dataset spirals (not saved yet: Save, or Train, asks where)");
        assertThat(new UndoCommand(editor).name()).isEqualTo("Undo Use the dataset spirals");

        Path file = dir.resolve("chosen.loom");
        answers.add(Optional.of(file));
        session.saveAs(() -> { });
        runFiles();
        assertThat(ProjectFiles.load(file).dataset().source()).isEqualTo("spirals");
        assertThat(session.isDirty()).isFalse();
    }

    @Test
    void a_settings_change_is_a_named_step_that_undo_and_redo_take_back_and_forth() throws Exception {
        Path file = dir.resolve("net.loom");
        addDense();
        session.saveTo(file, () -> { });
        runFiles();

        session.updateSettings(p -> p.withTraining(p.training().withBatchSize(128)), "Set batch size to 128");
        runFiles();
        assertThat(ProjectFiles.load(file).training().batchSize()).as("saved at once").isEqualTo(128);
        assertThat(session.isDirty()).isFalse();
        assertThat(new UndoCommand(editor).name()).isEqualTo("Undo Set batch size to 128");

        new UndoCommand(editor).execute();
        assertThat(session.project().training().batchSize()).isEqualTo(64);
        assertThat(session.project().graph().nodes()).as("the network stays").hasSize(1);
        assertThat(session.isDirty()).as("the file still has 128").isTrue();
        assertThat(new RedoCommand(editor).name()).isEqualTo("Redo Set batch size to 128");

        new RedoCommand(editor).execute();
        assertThat(session.project().training().batchSize()).isEqualTo(128);
        assertThat(session.isDirty()).isFalse();
    }

    @Test
    void settings_changes_with_one_key_are_one_step_and_a_change_to_the_same_value_is_none() {
        answers.add(Optional.of(dir.resolve("net.loom")));
        session.updateSettings(p -> p.withTraining(p.training().withEpochs(1)), "Set epochs to 1", "epochs");
        runFiles();
        session.updateSettings(p -> p.withTraining(p.training().withEpochs(12)), "Set epochs to 12", "epochs");
        session.updateSettings(p -> p.withTraining(p.training().withEpochs(12)), "Set epochs to 12", "epochs");
        runFiles();
        assertThat(editor.undoManager().undoDepth()).isEqualTo(1);

        new UndoCommand(editor).execute();
        assertThat(session.project().training().epochs()).isEqualTo(5);
        assertThat(editor.undoManager().canUndo()).isFalse();
    }

    @Test
    void a_file_is_read_in_the_background_and_an_unreadable_one_is_explained() throws Exception {
        Path file = dir.resolve("net.loom");
        addDense();
        session.saveTo(file, () -> { });
        runFiles();
        session.openEmpty();
        AtomicInteger opened = new AtomicInteger();

        session.open(file, opened::incrementAndGet);
        assertThat(session.readingProperty().get()).isTrue();
        runFiles();

        assertThat(opened).hasValue(1);
        assertThat(editor.graph().nodes()).hasSize(1);
        assertThat(session.isDirty()).isFalse();
        assertThat(session.readingProperty().get()).isFalse();

        Path broken = Files.writeString(dir.resolve("broken.loom"), "not a project");
        session.open(broken, opened::incrementAndGet);
        runFiles();
        assertThat(opened).hasValue(1);
        assertThat(failures).containsExactly("LayerLoom could not open this project.");
        assertThat(editor.status()).isEqualTo("Could not open broken.loom");
        assertThat(session.file()).contains(file);
    }
}
