package org.layerloom.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.testing.GraphBuilder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layer property sheet in the Model area, driven with the robot: a ControlsFX {@link PropertySheet} whose typed
 * editors make one named undo step per change, show a refusal under the field, keep their controls while the same
 * layer stays selected and are rebuilt for another layer; and screenshots of it in both themes and at 18 px.
 */
@ExtendWith(ApplicationExtension.class)
class PropertySheetUiTest {

    private EditorPane pane;
    private EditorViewModel editor;
    private EditorWindow window;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
        pane = new EditorPane(editor, new EditorServices(Runnable::run, Runnable::run, new RecentFiles(Optional.empty())));
        window = new EditorWindow(pane);
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    private void openCnn(FxRobot robot) {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.CONV2D), GraphBuilder.layer(LayerKind.FLATTEN),
                GraphBuilder.layer(LayerKind.DENSE, "units", 10));
        robot.interact(() -> {
            editor.open(graph, "test");
            pane.canvas().fit();
        });
    }

    private String idOf(LayerKind kind) {
        return editor.graph().nodesOfKind(kind).get(0).id();
    }

    private void select(FxRobot robot, LayerKind kind) {
        robot.clickOn("#node-" + idOf(kind));
    }

    private Node node(LayerKind kind) {
        return editor.graph().requireNode(idOf(kind));
    }

    private static void type(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text).type(KeyCode.ENTER);
    }

    /** Scrolls the inspector so that the node {@code query} finds is in view. */
    private static void reveal(FxRobot robot, String query) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane inspector = robot.lookup("#inspector")
                    .queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node target = robot.lookup(query).query();
            javafx.scene.Node content = inspector.getContent();
            double y = content.sceneToLocal(target.localToScene(0, 0)).getY();
            double room = content.getLayoutBounds().getHeight() - inspector.getViewportBounds().getHeight();
            inspector.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
    }

    private PropertySheet sheet(FxRobot robot) {
        return robot.lookup("#layer-property-sheet").queryAs(PropertySheet.class);
    }

    @Test
    void the_sheet_is_a_controlsfx_property_sheet_with_one_item_per_parameter_and_no_toolbar(FxRobot robot) {
        openCnn(robot);
        select(robot, LayerKind.CONV2D);

        PropertySheet sheet = sheet(robot);
        assertThat(sheet.getItems()).extracting(PropertySheet.Item::getName)
                .containsExactlyElementsOf(editor.catalog().type(LayerKind.CONV2D).parameters().stream()
                        .map(p -> p.label()).toList());
        assertThat(sheet.getItems().get(0).getDescription()).isNotBlank();
        assertThat(sheet.isSearchBoxVisible()).isFalse();
        assertThat(sheet.isModeSwitcherVisible()).isFalse();
        assertThat(sheet.isFocusTraversable()).as("Tab skips the sheet itself").isFalse();
        assertThat(robot.lookup("#param-bias").tryQuery()).get().isInstanceOf(ToggleSwitch.class);
        assertThat(robot.lookup("#param-activation").tryQuery()).get().isInstanceOf(ComboBox.class);

        robot.interact(() -> sheet.setTitleFilter("kern"));
        assertThat(robot.lookup("#layer-property-sheet").lookup(".property-name").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("Kernel size");
    }

    @Test
    void editing_a_dense_layers_units_is_one_undo_step_named_for_it(FxRobot robot) {
        openCnn(robot);
        select(robot, LayerKind.DENSE);
        int depth = editor.undoManager().undoDepth();
        TextField units = robot.lookup("#param-units").queryAs(TextField.class);

        type(robot, units, "32");

        assertThat(node(LayerKind.DENSE).params().intValue("units")).isEqualTo(32);
        assertThat(editor.undoManager().undoDepth()).isEqualTo(depth + 1);
        assertThat(editor.undoManager().undoName()).contains("Set Units of Dense 1");
        assertThat(robot.lookup("#param-units").queryAs(TextField.class)).as("the same field after the update")
                .isSameAs(units);

        robot.interact(() -> editor.undoManager().undo());
        assertThat(node(LayerKind.DENSE).params().intValue("units")).isEqualTo(10);
        assertThat(units.getText()).as("the field follows the undo").isEqualTo("10");
    }

    @Test
    void a_switch_and_a_choice_are_one_undo_step_each(FxRobot robot) {
        openCnn(robot);
        select(robot, LayerKind.CONV2D);
        int depth = editor.undoManager().undoDepth();

        reveal(robot, "#param-bias");
        robot.clickOn("#param-bias");
        assertThat(node(LayerKind.CONV2D).params().flag("bias")).isFalse();
        assertThat(editor.undoManager().undoName()).contains("Set Use bias of " + node(LayerKind.CONV2D).name());

        @SuppressWarnings("unchecked")
        ComboBox<org.layerloom.engine.graph.ChoiceOption> activation =
                robot.lookup("#param-activation").queryAs(ComboBox.class);
        String before = node(LayerKind.CONV2D).params().choice("activation");
        org.layerloom.engine.graph.ChoiceOption other = activation.getItems().stream()
                .filter(o -> !o.id().equals(before)).findFirst().orElseThrow();
        robot.interact(() -> activation.getSelectionModel().select(other));
        assertThat(node(LayerKind.CONV2D).params().choice("activation")).isEqualTo(other.id());
        assertThat(editor.undoManager().undoDepth()).isEqualTo(depth + 2);
        assertThat(editor.undoManager().undoName()).contains("Set Activation of " + node(LayerKind.CONV2D).name());

        robot.interact(() -> editor.undoManager().undo());
        robot.interact(() -> editor.undoManager().undo());
        assertThat(robot.lookup("#param-bias").queryAs(ToggleSwitch.class).isSelected()).isTrue();
    }

    @Test
    void typing_survives_an_update_of_the_document_and_the_switch_works_from_the_keyboard(FxRobot robot) {
        openCnn(robot);
        select(robot, LayerKind.DENSE);
        TextField units = robot.lookup("#param-units").queryAs(TextField.class);
        robot.clickOn(units);
        robot.interact(units::selectAll);
        robot.write("12");

        robot.interact(() -> new org.layerloom.editor.command.RenameCommand(editor, idOf(LayerKind.CONV2D),
                "Edges").executeIfPossible());
        assertThat(robot.lookup("#param-units").queryAs(TextField.class)).isSameAs(units);
        assertThat(units.getText()).as("the text being typed").isEqualTo("12");
        robot.type(KeyCode.ENTER);
        assertThat(node(LayerKind.DENSE).params().intValue("units")).isEqualTo(12);

        select(robot, LayerKind.CONV2D);
        reveal(robot, "#param-bias");
        ToggleSwitch bias = robot.lookup("#param-bias").queryAs(ToggleSwitch.class);
        robot.interact(bias::requestFocus);
        robot.type(KeyCode.SPACE);
        assertThat(node(LayerKind.CONV2D).params().flag("bias")).isFalse();
        assertThat(editor.undoManager().undoName()).contains("Set Use bias of Edges");
    }

    @Test
    void a_refused_value_shows_its_reason_under_the_field_and_changes_nothing(FxRobot robot) {
        openCnn(robot);
        select(robot, LayerKind.DENSE);
        NetworkGraph before = editor.graph();
        int depth = editor.undoManager().undoDepth();
        TextField units = robot.lookup("#param-units").queryAs(TextField.class);

        type(robot, units, "0");

        Label error = robot.lookup(".param-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("between 1 and 100,000");
        Bounds field = units.localToScene(units.getLayoutBounds());
        Bounds reason = error.localToScene(error.getLayoutBounds());
        assertThat(reason.getMinY()).as("the reason is right under the field").isBetween(field.getMaxY() - 1,
                field.getMaxY() + 12);
        assertThat(reason.getMinX()).isCloseTo(field.getMinX(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(units.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
        assertThat(editor.graph()).isEqualTo(before);
        assertThat(editor.undoManager().undoDepth()).isEqualTo(depth);

        type(robot, units, "twelve");
        assertThat(error.getText()).isNotBlank();
        assertThat(editor.graph()).isEqualTo(before);

        type(robot, units, "0");
        for (Theme theme : Theme.values()) {
            robot.interact(() -> pane.themeProperty().set(theme));
            shoot(robot, "layer-property-sheet-refused-" + theme.name().toLowerCase(Locale.ROOT));
        }

        robot.type(KeyCode.ESCAPE);
        assertThat(units.getText()).isEqualTo("10");
        assertThat(error.isVisible()).isFalse();
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of("target/screenshots/" + name + ".png");
        robot.interact(() -> {
            try {
                Files.createDirectories(out.getParent());
                org.layerloom.editor.export.PngExporter.write(window.getScene().snapshot(null), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(out).isNotEmptyFile();
    }

    @Test
    void a_layer_without_parameters_says_so(FxRobot robot) {
        openCnn(robot);
        select(robot, LayerKind.FLATTEN);

        assertThat(robot.lookup("#no-settings").queryAs(Label.class).getText()).isEqualTo("Flatten has no settings.");
        assertThat(robot.lookup("#layer-property-sheet").tryQuery()).isEmpty();
    }

    @Test
    void switching_layers_rebuilds_the_sheet(FxRobot robot) {
        openCnn(robot);
        select(robot, LayerKind.DENSE);
        assertThat(robot.lookup("#param-units").tryQuery()).isPresent();
        assertThat(robot.lookup("#param-filters").tryQuery()).isEmpty();

        select(robot, LayerKind.CONV2D);
        assertThat(robot.lookup("#param-filters").tryQuery()).isPresent();
        assertThat(robot.lookup("#param-units").tryQuery()).isEmpty();
        assertThat(sheet(robot).getItems()).extracting(PropertySheet.Item::getName).contains("Kernel size");

        select(robot, LayerKind.FLATTEN);
        select(robot, LayerKind.DENSE);
        assertThat(robot.lookup("#param-units").queryAs(TextField.class).getText()).isEqualTo("10");
        assertThat(robot.lookup("#no-settings").tryQuery()).isEmpty();
    }

    @Test
    void names_and_explanations_show_in_full_at_18_px_in_both_themes_and_are_written_as_screenshots(FxRobot robot)
            throws Exception {
        openCnn(robot);
        select(robot, LayerKind.CONV2D);
        for (int px : new int[] {13, 18}) {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    window.setStyle(String.format(Locale.ROOT, "-fx-font-size: %dpx;", px));
                    pane.themeProperty().set(theme);
                });
                WaitForAsyncUtils.waitForFxEvents();
                for (String part : new String[] {"top", "bottom"}) {
                    if (part.equals("top")) {
                        robot.interact(() -> robot.lookup("#inspector")
                                .queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
                    } else {
                        reveal(robot, "#param-bias");
                    }
                    shoot(robot, "layer-property-sheet-" + theme.name().toLowerCase(Locale.ROOT) + "-" + px + "px-"
                            + part);
                }
                assertWhollyShown(robot);
            }
        }
    }

    /** Every name and explanation in the sheet shows its whole text (no "…"), inside the inspector's width. */
    private void assertWhollyShown(FxRobot robot) {
        javafx.scene.Node inspector = robot.lookup("#inspector").query();
        double right = inspector.localToScene(inspector.getLayoutBounds()).getMaxX();
        List<Label> labels = robot.lookup("#layer-property-sheet").lookup(".label").queryAllAs(Label.class).stream()
                .filter(javafx.scene.Node::isVisible).toList();
        assertThat(labels).isNotEmpty();
        for (Label label : labels) {
            if (label.getText() == null || label.getText().isEmpty()) {
                continue;
            }
            Text shown = (Text) label.lookup(".text");
            if (shown == null) {
                continue;
            }
            assertThat(shown.getText().replace("\n", " ").replaceAll("\\s+", " ").trim()).as("label shown")
                    .isEqualTo(label.getText().replaceAll("\\s+", " ").trim());
            assertThat(label.localToScene(label.getLayoutBounds()).getMaxX()).as(label.getText() + " inside the panel")
                    .isLessThanOrEqualTo(right + 0.5);
        }
    }
}
