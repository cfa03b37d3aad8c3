package org.layerloom.app.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: the menus, a bar with the four areas a student moves through (Data, Model,
 * Train, Inspect; Ctrl+1 to Ctrl+4) and the project's name, the selected area in the middle, and the status
 * bar below. It only places what the composition root built and hands it ({@link WorkAreas}, the menus, the
 * status bar); which area shows is {@link #areaProperty()}. JavaFX thread only.
 */
public final class MainWindow extends BorderPane {

    private final ObjectProperty<Area> area = new SimpleObjectProperty<>(this, "area", Area.MODEL);
    private final Map<Area, ToggleButton> buttons = new EnumMap<>(Area.class);
    private final WorkAreas areas;
    private final VBox top;

    public MainWindow(WorkAreas areas, MenuBar menus, Node statusBar, ObservableStringValue projectName) {
        this.areas = areas;
        setId("main-window");
        getStyleClass().add("main-window");

        StackPane content = new StackPane();
        content.getStyleClass().add("area-content");
        ToggleGroup group = new ToggleGroup();
        HBox switcher = new HBox();
        switcher.getStyleClass().add("area-switcher");
        for (Area each : Area.values()) {
            Node node = areas.get(each);
            node.setVisible(false);
            content.getChildren().add(node);
            ToggleButton button = new ToggleButton(each.number() + "  " + each.title());
            button.setId("area-" + each.name().toLowerCase(Locale.ROOT));
            button.getStyleClass().add("area-button");
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip(each.hint() + " (Ctrl+" + each.number() + ")"));
            button.setFocusTraversable(false);
            button.setOnAction(e -> area.set(each));
            buttons.put(each, button);
            switcher.getChildren().add(button);
        }
        Label brand = new Label("LayerLoom");
        brand.getStyleClass().add("brand");
        Label name = new Label();
        name.setId("project-name");
        name.getStyleClass().add("project-name");
        name.textProperty().bind(projectName);
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox bar = new HBox(16, brand, left, switcher, right, name);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("area-bar");
        brand.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        // Keep the switcher centred: the brand and the name get the same width.
        brand.prefWidthProperty().bind(name.widthProperty().map(w -> Math.max(w.doubleValue(), 160)));

        top = new VBox(menus, bar);
        setTop(top);
        setCenter(content);
        setBottom(statusBar);
        area.addListener((obs, was, is) -> select(is));
        select(area.get());
    }

    /** Adds {@code banner} (an offer to the student, hidden while it has nothing to say) below the area bar. */
    public void addBanner(Node banner) {
        top.getChildren().add(banner);
    }

    /** The area on screen. */
    public ObjectProperty<Area> areaProperty() {
        return area;
    }

    public void show(Area which) {
        area.set(which);
    }

    /** The content of {@code which}, as handed in. */
    public Node content(Area which) {
        return areas.get(which);
    }

    private void select(Area which) {
        for (Area each : Area.values()) {
            areas.get(each).setVisible(each == which);
            buttons.get(each).setSelected(each == which);
        }
    }
}
