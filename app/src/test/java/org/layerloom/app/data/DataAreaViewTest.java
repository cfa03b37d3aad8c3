package org.layerloom.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.standard.StandardDataset;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.testing.TestProjects;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Data area with the toolkit and real background threads: the preview follows the choice at once, a CSV
 * is chosen with a (test) chooser and its label column picked from the header, MNIST downloads from a local
 * server with bytes, speed and Cancel, and "Use for this project" raises one notification and marks the choice.
 */
@ExtendWith(ApplicationExtension.class)
class DataAreaViewTest {

    @TempDir
    static Path dir;

    private final List<DatasetChoice> stored = new ArrayList<>();
    private final List<String> notified = new ArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService downloads = Executors.newSingleThreadExecutor();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private volatile boolean slow = true;
    private HttpServer server;
    private DataChoiceViewModel model;
    private Scene scene;
    private Path chosen;
    private Path cache;

    @Start
    void start(Stage stage) throws IOException {
        cache = Files.createDirectories(dir.resolve("cache" + System.nanoTime()));
        DataPreviewViewModel preview = new DataPreviewViewModel(DatasetRegistry.standard(), background,
                Platform::runLater);
        model = new DataChoiceViewModel(preview, GraphValidator.standard(), dir, stored::add, () -> cache,
                new DatasetDownloadViewModel(downloads, Platform::runLater));
        PathChooser answers = new PathChooser() {
            @Override
            public Optional<Path> chooseFile(Node owner, String title, String kinds, List<String> extensions,
                                             Path start) {
                return Optional.ofNullable(chosen);
            }

            @Override
            public Optional<Path> chooseFolder(Node owner, String title, Path start) {
                return Optional.ofNullable(chosen);
            }
        };
        DataAreaView view = new DataAreaView(model, answers, (title, text) -> notified.add(title + ": " + text));
        scene = new Scene(view, 1280, 800);
        ThemedShots.theme(scene, false);
        stage.setScene(scene);
        stage.show();
        model.projectDidChange(TestProjects.moons(3), Optional.empty());
        model.setShown(true);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        background.shutdownNow();
        downloads.shutdownNow();
    }

    private String shownTitle(FxRobot robot) {
        return robot.lookup(".page-title").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .filter(l -> l.getParent() != null && l.getParent().getParent() != null
                        && l.getParent().getParent().isVisible())
                .map(Label::getText).findFirst().orElse("");
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private void choose(FxRobot robot, String source) {
        robot.interact(() -> robot.lookup("#data-source").<javafx.scene.control.ComboBox<String>>query()
                .setValue(source));
    }

    @Test
    void another_dataset_refreshes_the_preview_at_once_and_use_raises_one_notification_and_marks_the_choice(FxRobot robot) throws Exception {
        waitFor(() -> shownTitle(robot).toLowerCase(java.util.Locale.ROOT).contains("moons"));

        choose(robot, "circles");

        waitFor(() -> shownTitle(robot).toLowerCase(java.util.Locale.ROOT).contains("circle"));
        assertThat(robot.lookup("#data-advanced").queryAs(javafx.scene.control.TitledPane.class).isExpanded())
                .as("the options text is folded away").isFalse();
        robot.clickOn("#data-use-button");
        assertThat(stored).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("circles"));
        assertThat(notified).as("one notification says so").singleElement().asString()
                .startsWith("Dataset in use: This project now learns from Circles")
                .endsWith("It is not saved yet: Save, or Train, asks where.");
        Label confirmation = robot.lookup("#data-confirmation").queryAs(Label.class);
        assertThat(confirmation.isVisible()).as("and the window marks the choice").isTrue();
        assertThat(confirmation.getText()).isEqualTo("✓ In use by this project");
        ThemedShots.save(scene, "data-chooser-confirmed-light");

        choose(robot, "csv");
        assertThat(confirmation.isVisible()).as("another choice is not in use").isFalse();
        waitFor(() -> robot.lookup(".data-notice-text").queryAs(Label.class).isVisible());
        assertThat(robot.lookup(".data-notice-text").queryAs(Label.class).getText()).contains("Choose a CSV file");
        assertThat(robot.lookup(".data-error").query().isVisible()).as("no error for a choice not yet made").isFalse();
    }

    @Test
    void a_csv_is_chosen_and_its_label_column_picked_from_the_header(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("petal length;petal width;colour;species\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 3 + 1).append('.').append(i % 7).append(';').append(i % 5).append(";")
                    .append(i % 2 == 0 ? "red" : "blue").append(';').append(i % 3 == 0 ? "iris" : "rose").append('\n');
        }
        chosen = Files.writeString(dir.resolve("flowers.csv"), csv);
        choose(robot, "csv");
        robot.clickOn("#data-choose-csv");

        SearchableComboBox<?> label = robot.lookup("#data-label-column").queryAs(SearchableComboBox.class);
        waitFor(() -> label.getItems().size() == 4);
        assertThat(label.getItems()).extracting(Object::toString)
                .containsExactly("petal length", "petal width", "colour", "species");
        assertThat(model.option("path")).hasValue("flowers.csv");
        waitFor(() -> shownTitle(robot).equals("flowers.csv"));

        robot.interact(() -> ((SearchableComboBox<String>) label).setValue("colour"));
        assertThat(model.option("label")).hasValue("colour");
        waitFor(() -> robot.lookup(".class-name").queryAllAs(Label.class).stream().map(Label::getText).toList()
                .containsAll(List.of("blue", "red")));
        robot.interact(() -> robot.lookup("#data-normalisation").<javafx.scene.control.ComboBox<String>>query()
                .getSelectionModel().select(1));
        assertThat(model.option("normalize")).hasValue("minmax");
        robot.interact(() -> robot.lookup("#data-csv-test-split").<javafx.scene.control.Spinner<Integer>>query()
                .getValueFactory().setValue(30));
        assertThat(model.option("test-ratio")).hasValue(0.3);
        WaitForAsyncUtils.waitForFxEvents();
        ThemedShots.save(scene, "data-chooser-csv-light");
        ThemedShots.theme(scene, true);
        ThemedShots.save(scene, "data-chooser-csv-dark");
    }

    @Test
    void mnist_downloads_from_a_local_server_with_bytes_and_speed_and_can_be_cancelled(FxRobot robot)
            throws Exception {
        Path mnist = Path.of(System.getProperty("layerloom.datasets", "../../shared/datasets")).resolve("mnist");
        for (var file : StandardDataset.MNIST.files()) {
            served.put(file.name(), Files.readAllBytes(mnist.resolve(file.name())));
        }
        startServer();
        choose(robot, "mnist");
        waitFor(() -> robot.lookup(".data-notice-text").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#data-availability").queryAs(Label.class).getText())
                .contains("not on this computer yet").contains("11.6 MB");
        robot.interact(() -> model.setOption("mirror", "http://127.0.0.1:" + server.getAddress().getPort() + "/"));

        robot.clickOn("#data-download-button");
        Label detail = robot.lookup("#data-download-detail").queryAs(Label.class);
        waitFor(() -> detail.getText().contains(" of ") && detail.getText().contains("/s")
                && model.downloads().progressProperty().get() > 0.1);
        assertThat(detail.getText()).startsWith("train-images-idx3-ubyte.gz: ").contains("MB");
        ThemedShots.save(scene, "data-chooser-download-light");
        ThemedShots.theme(scene, true);
        ThemedShots.save(scene, "data-chooser-download-dark");
        ThemedShots.theme(scene, false);
        robot.clickOn("#data-download-cancel");

        assertThat(robot.lookup("#data-download-message").queryAs(Label.class).getText()).contains("cancelled");
        Path folder = cache.resolve("mnist");
        waitFor(() -> !Files.exists(folder.resolve("train-images-idx3-ubyte.gz.part")));
        assertThat(folder.resolve("train-images-idx3-ubyte.gz")).doesNotExist();

        slow = false;
        robot.clickOn("#data-download-button");
        waitFor(() -> shownTitle(robot).contains("MNIST"));
        assertThat(folder.resolve("train-images-idx3-ubyte.gz")).isRegularFile();
        assertThat(robot.lookup("#data-availability").queryAs(Label.class).getText()).contains("on this computer (");
        assertThat(robot.lookup("#data-download-message").queryAs(Label.class).getText()).contains("downloaded");
    }

    private void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath().substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int at = 0; at < body.length; at += 65536) {
                        out.write(body, at, Math.min(65536, body.length - at));
                        if (slow) {
                            Thread.sleep(40);
                        }
                    }
                } catch (IOException | InterruptedException clientWentAway) {
                    // a cancelled download closes the connection early
                }
            }
            exchange.close();
        });
        server.start();
    }
}
