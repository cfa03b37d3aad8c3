package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.RunFolder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The student's first hour, end to end through the real window with mouse and keyboard only: from the start
 * screen a new MLP project on Two moons (which starts with settings for small data: Adam at 0.01, 10 epochs), the
 * epochs raised in the Train area's Settings tab (an unsaved change: nothing is asked yet), Train (which asks where
 * to save the untitled project: the one question, answered by a stand-in for the file chooser) to the end,
 * "Continue" for a few more epochs of the same run, and a test accuracy of at least 90 % read from the Test result.
 * Screenshots of the end, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class MoonsFirstHourScenarioTest {

    private static final int EPOCHS = 15;
    private static final int MORE = 5;
    private static final Pattern ACCURACY = Pattern.compile("Test accuracy ([0-9.]+) %");

    @TempDir
    Path dir;

    private Stage stage;
    private WorkbenchProbe probe;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture();

    @Start
    void start(Stage primary) {
        stage = primary;
        window.useStage(primary);
    }

    @Test
    void a_new_moons_project_reaches_90_percent_with_more_epochs_and_one_continue(FxRobot robot) throws Exception {
        Path file = dir.resolve("my-moons.loom");
        List<String> askedWhere = new ArrayList<>();
        probe = window.launch(dir, LaunchOptions.none());
        robot.interact(() -> {
            // The file chooser cannot show headless: this answers "where to save?" as the student would.
            probe.session().useDialogs(new ProjectSession.Dialogs() {
                @Override
                public Optional<Path> askWhereToSave() {
                    askedWhere.add(probe.session().project().name());
                    return Optional.of(file);
                }

                @Override
                public void failed(String header, String message) {
                    throw new AssertionError(header + " " + message);
                }
            });
        });

        // Start screen → MLP card → Two moons → a name → Create.
        robot.clickOn("#new-mlp");
        robot.clickOn("#new-data-moons");
        waitFor(60, () -> text("#new-project-shape").contains("2 numbers → one of 2 classes"));
        TextField name = robot.lookup("#new-project-name").queryAs(TextField.class);
        robot.doubleClickOn(name).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("My moons");
        robot.clickOn("#new-project-create");
        waitFor(30, () -> probe.session().project().graph().nodes().size() > 2);
        assertThat(probe.session().project().name()).isEqualTo("My moons");
        assertThat(probe.session().project().dataset().source()).isEqualTo("moons");

        // Train area → Settings tab: the template's settings suit the data; the epochs are raised, unsaved.
        robot.clickOn("#area-train");
        robot.clickOn(tabHeader(robot, "Settings"));
        TextField epochs = robot.lookup("#setting-epochs").queryAs(TextField.class);
        assertThat(epochs.getText()).isEqualTo("10");
        robot.doubleClickOn(epochs).eraseText(epochs.getText().length() + 2).write(Integer.toString(EPOCHS))
                .type(KeyCode.ENTER);
        waitFor(20, () -> probe.session().project().training().epochs() == EPOCHS && probe.session().isDirty());
        assertThat(askedWhere).as("a settings change asks nothing").isEmpty();
        assertThat(probe.session().file()).isEmpty();
        TextField rate = robot.lookup("#setting-learning-rate").queryAs(TextField.class);
        scrollIntoView(robot, rate);
        assertThat(rate.getText()).as("small data starts at Adam 0.01").isEqualTo("0.01");
        long trainStarted = System.nanoTime();

        // Train, which asks where to save the untitled project once, then trains to the end.
        robot.clickOn("#train-button");
        waitFor(20, () -> Files.exists(file) && savedEpochs(file) == EPOCHS);
        assertThat(askedWhere).as("asked where to save once, for the new project").containsExactly("My moons");
        assertThat(probe.session().file()).contains(file);
        waitFor(5, () -> probe.learning().dashboard().shownTab().equals("Live"));
        waitFor(120, () -> text("#phase-chip").equals("Finished") && ACCURACY.matcher(headline(robot)).find());
        String first = headline(robot);
        System.out.printf(Locale.ROOT, "moons scenario: %d epochs trained in %.1f s: %s%n", EPOCHS,
                (System.nanoTime() - trainStarted) / 1e9, first);
        Path runFolder = Path.of(text(robot, ".result-folder").substring("Saved in ".length()));
        assertThat(RunFolder.open(runFolder).readMetrics()).hasSize(EPOCHS);

        // Continue for a few more epochs, typed into the spinner.
        Spinner<?> more = robot.lookup("#more-epochs").queryAs(Spinner.class);
        robot.doubleClickOn(more.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(Integer.toString(MORE));
        robot.clickOn("#continue-button");
        waitFor(10, () -> !text("#phase-chip").equals("Finished"));
        waitFor(120, () -> text("#phase-chip").equals("Finished") && ACCURACY.matcher(headline(robot)).find()
                && endedAfter(robot, EPOCHS + MORE));

        double accuracy = accuracy(headline(robot));
        System.out.printf(Locale.ROOT, "moons scenario: %d + %d epochs after %.1f s: %s%n", EPOCHS, MORE,
                (System.nanoTime() - trainStarted) / 1e9, headline(robot));
        assertThat(accuracy).as("test accuracy after the continued run (first: %s)", first)
                .isGreaterThanOrEqualTo(90.0);
        assertThat(text(robot, ".result-folder")).isEqualTo("Saved in " + runFolder);
        assertThat(RunFolder.open(runFolder).readMetrics()).extracting(e -> e.epoch())
                .as("metrics.json holds the first run's epochs and the continued ones")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, EPOCHS + MORE).boxed().toList());
        assertThat(Files.readString(runFolder.resolve("metrics.json"))).isNotBlank();

        robot.interact(() -> probe.setTheme(Theme.LIGHT));
        screenshot(probe.scene(), "moons-scenario-light.png");
        robot.interact(() -> probe.setTheme(Theme.DARK));
        screenshot(probe.scene(), "moons-scenario-dark.png");
    }

    /** Drags the settings' scroll bar down until {@code field} shows whole, as a student scrolls to it. */
    private static void scrollIntoView(FxRobot robot, Node field) {
        Node scroll = robot.lookup(".settings-scroll").query();
        for (int drags = 0; drags < 20 && !shows(scroll, field); drags++) {
            Node thumb = scroll.lookupAll(".scroll-bar").stream()
                    .filter(bar -> bar instanceof javafx.scene.control.ScrollBar b
                            && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible())
                    .findFirst().orElseThrow().lookup(".thumb");
            robot.drag(thumb).moveBy(0, 30).drop();
        }
        assertThat(shows(scroll, field)).as("scrolled to %s: %s in %s", field.getId(),
                field.localToScene(field.getLayoutBounds()), scroll.localToScene(scroll.getLayoutBounds())).isTrue();
    }

    private static boolean shows(Node scroll, Node field) {
        javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        javafx.geometry.Bounds shown = field.localToScene(field.getLayoutBounds());
        return view.contains(shown);
    }

    private Node tabHeader(FxRobot robot, String title) {
        return robot.lookup(".tab-pane .tab").queryAll().stream()
                .filter(tab -> tab.lookupAll(".tab-label").stream()
                        .anyMatch(l -> l instanceof Label label && label.getText().equals(title)))
                .findFirst().orElseThrow(() -> new AssertionError("no tab " + title));
    }

    private boolean endedAfter(FxRobot robot, int epochs) {
        return robot.lookup(".result-detail").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("epoch " + epochs + ".") || l.getText().contains(" of " + epochs));
    }

    private String headline(FxRobot robot) {
        return text(robot, ".result-headline");
    }

    private String text(String id) {
        return ((Label) stage.getScene().lookup(id)).getText();
    }

    private static String text(FxRobot robot, String selector) {
        return robot.lookup(selector).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static double accuracy(String headline) {
        Matcher matcher = ACCURACY.matcher(headline);
        assertThat(matcher.find()).as("a test accuracy in %s", headline).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static int savedEpochs(Path file) {
        try {
            return ProjectFiles.load(file).training().epochs();
        } catch (Exception e) {
            return -1;
        }
    }


    private static void waitFor(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitFor(
                    WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }

    private static void screenshot(Scene scene, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null))).get(10, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                folder.resolve(name).toFile());
    }
}
