package org.layerloom.app.assignment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.project.Project;

/**
 * File &gt; Hand In…: asks for the student's name, then writes the hand-in page of the project's newest run beside
 * the project ({@code NAME.handin.html}) on the files executor and says where it is and how the goals stand.
 * {@link #start()} on the JavaFX thread; the page is written off it.
 */
public final class HandInAction {

    private final ProjectSession session;
    private final Executor files;
    private final Executor fx;
    private final Supplier<Window> owner;
    private final BiConsumer<String, String> inform;

    /** @param inform shows a title and a message to the student (JavaFX thread) */
    public HandInAction(ProjectSession session, Executor files, Executor fx, Supplier<Window> owner,
                        BiConsumer<String, String> inform) {
        this.session = session;
        this.files = files;
        this.fx = fx;
        this.owner = owner;
        this.inform = inform;
    }

    public void start() {
        Optional<Path> file = session.file();
        if (file.isEmpty()) {
            inform.accept("Hand in", "Save the project and train a run first: the hand-in page shows a run.");
            return;
        }
        TextInputDialog ask = new TextInputDialog(System.getProperty("user.name", ""));
        ask.setTitle("Hand in");
        ask.setHeaderText("Hand in the newest run of " + file.get().getFileName());
        ask.setContentText("Your name:");
        if (owner.get() != null && owner.get().isShowing()) {
            ask.initOwner(owner.get());
        }
        ask.showAndWait().ifPresent(student -> write(session.project(), file.get(), student.strip()));
    }

    private void write(Project project, Path file, String student) {
        Path page = HandIn.defaultPage(file);
        files.execute(() -> {
            String title;
            String text;
            try {
                Optional<Path> run = HandIn.newestRun(file);
                if (run.isEmpty()) {
                    title = "Nothing to hand in yet";
                    text = "The project has no run with saved weights. Train it first, then hand in.";
                } else {
                    HandIn.Result result = new HandIn(Clock.systemUTC()).write(project, run.get(), student, page);
                    long met = result.verdicts().stream().filter(GoalVerdict::met).count();
                    title = "Handed in";
                    text = "Wrote " + page + (result.verdicts().isEmpty() ? "." : " (" + met + " of "
                            + result.verdicts().size() + " goals met).") + "\n\nGive your teacher this page together"
                            + " with the folder " + file.getFileName().toString().replaceFirst("\\.loom$", "")
                            + ".runs beside it: the grading checks the run's weights there.";
                }
            } catch (IOException | RuntimeException e) {
                title = "Hand-in failed";
                text = "The hand-in page could not be written: " + e.getMessage();
            }
            String shownTitle = title;
            String shownText = text;
            fx.execute(() -> inform.accept(shownTitle, shownText));
        });
    }
}
