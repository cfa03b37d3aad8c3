package org.layerloom.editor.view;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;

/**
 * Every layer kind, grouped by category, with an icon and a search field. Hovering shows the layer's
 * explanation and formula. Dragging an entry reports the scene point where it was released (the
 * editor adds the layer there when that is on the canvas); double-clicking adds it in the middle of
 * the view. The drag is done with plain mouse events, so it also works where the platform has no
 * drag and drop. JavaFX thread only.
 */
final class PaletteView extends VBox {

    private final TextField search = new TextField();
    private final VBox entries = new VBox();
    private final LayerCatalog catalog;
    private final BiConsumer<LayerKind, Point2D> dropped;
    private final Consumer<LayerKind> added;
    private final DragGhost ghost;
    private Function<LayerKind, Optional<String>> lockedReason = kind -> Optional.empty();

    PaletteView(LayerCatalog catalog, DragGhost ghost, BiConsumer<LayerKind, Point2D> dropped,
                Consumer<LayerKind> added) {
        this.catalog = catalog;
        this.ghost = ghost;
        this.dropped = dropped;
        this.added = added;
        getStyleClass().add("palette");
        setId("palette");
        Label title = new Label("Layers");
        title.getStyleClass().add("panel-title");
        search.setPromptText("Search layers");
        search.setId("palette-search");
        search.textProperty().addListener((obs, was, is) -> fill(is));
        entries.getStyleClass().add("palette-entries");
        ScrollPane scroll = new ScrollPane(entries);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("palette-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, search, scroll);
        fill("");
    }

    /**
     * Locks the kinds for which {@code reasons} gives a reason (a teacher's assignment): they stay listed, greyed,
     * with a lock and the reason as their tooltip, and cannot be dragged or added.
     */
    void lockKinds(Function<LayerKind, Optional<String>> reasons) {
        boolean changed = false;
        for (LayerKind kind : LayerKind.values()) {
            changed |= !reasons.apply(kind).equals(lockedReason.apply(kind));
        }
        lockedReason = reasons;
        if (changed) {
            fill(search.getText());
        }
    }

    private void fill(String filter) {
        String f = filter.strip().toLowerCase(Locale.ROOT);
        entries.getChildren().clear();
        for (Category category : Category.values()) {
            boolean header = false;
            for (LayerType type : catalog.inCategory(category)) {
                if (!f.isEmpty() && !matches(type, f)) {
                    continue;
                }
                if (!header) {
                    Label h = new Label(category.label().toUpperCase(Locale.ROOT));
                    h.getStyleClass().add("palette-category");
                    entries.getChildren().add(h);
                    header = true;
                }
                entries.getChildren().add(entry(type));
            }
        }
        if (entries.getChildren().isEmpty()) {
            Label none = new Label("No layer matches \"" + filter.strip() + "\".");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            entries.getChildren().add(none);
        }
    }

    private static boolean matches(LayerType type, String f) {
        return type.displayName().toLowerCase(Locale.ROOT).contains(f)
                || type.kind().id().toLowerCase(Locale.ROOT).contains(f)
                || type.category().label().toLowerCase(Locale.ROOT).contains(f)
                || type.summary().toLowerCase(Locale.ROOT).contains(f);
    }

    private Label entry(LayerType type) {
        Optional<String> locked = lockedReason.apply(type.kind());
        if (locked.isPresent()) {
            return lockedEntry(type, locked.get());
        }
        Label label = new Label(type.displayName(), LayerIcon.of(type.category()));
        label.getStyleClass().addAll("palette-entry", LayerIcon.categoryClass(type.category()));
        label.setId("palette-" + type.kind().id());
        label.setMaxWidth(Double.MAX_VALUE);
        label.setGraphicTextGap(10);
        StringBuilder tip = new StringBuilder(type.summary());
        tip.append("\n\n").append(type.explanation().text());
        if (type.explanation().hasFormula()) {
            tip.append("\n\n").append(type.explanation().formula());
        }
        Tooltip tooltip = new Tooltip(tip.toString());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(380);
        tooltip.setShowDelay(Duration.millis(350));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.getStyleClass().add("layer-tooltip");
        label.setTooltip(tooltip);
        label.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                ghost.show(type, e.getSceneX(), e.getSceneY());
            }
        });
        label.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (ghost.isShowing()) {
                ghost.hide();
                dropped.accept(type.kind(), new Point2D(e.getSceneX(), e.getSceneY()));
            }
        });
        label.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() % 2 == 0) {
                added.accept(type.kind());
            }
        });
        return label;
    }

    private Label lockedEntry(LayerType type, String reason) {
        Label label = new Label(type.displayName(), LockIcon.create());
        label.setGraphicTextGap(10);
        label.getStyleClass().addAll("palette-entry", "palette-entry-locked");
        label.setId("palette-" + type.kind().id());
        label.setMaxWidth(Double.MAX_VALUE);
        label.setOpacity(0.5);
        Tooltip tooltip = new Tooltip("Locked by the assignment: " + reason);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(380);
        tooltip.setShowDelay(Duration.millis(150));
        label.setTooltip(tooltip);
        return label;
    }
}
