package org.layerloom.app.ui.reference;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.LayerType;

/**
 * The layer reference: a search field and every layer kind grouped by category on the left, the
 * selected kind explained on the right. Observes a {@link LayerReferenceViewModel}. JavaFX thread only.
 */
public final class LayerReferenceView extends BorderPane {

    /** A row of the list: a category heading (type null) or a layer kind. */
    private record Entry(Category category, LayerType type) {
    }

    private final LayerReferenceViewModel model;
    private final TreeView<Entry> list = new TreeView<>(new TreeItem<>());
    private final LayerDetailView detail = new LayerDetailView();

    public LayerReferenceView(LayerReferenceViewModel model) {
        this.model = model;
        getStyleClass().add("layer-reference");

        TextField search = new TextField();
        search.setId("layer-search");
        search.setPromptText("Search layers…");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                model.matches().stream().findFirst().ifPresent(model.selectedProperty()::set);
                list.requestFocus();
            }
        });

        list.setId("layer-list");
        list.setShowRoot(false);
        list.setCellFactory(tree -> new EntryCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() != null && item.getValue().type() != null) {
                model.selectedProperty().set(item.getValue().type());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label empty = new Label("No layer matches.");
        empty.getStyleClass().add("muted");
        empty.visibleProperty().bind(model.groupsProperty().map(Map::isEmpty));
        empty.managedProperty().bind(empty.visibleProperty());
        VBox side = new VBox(8, search, empty, list);
        side.getStyleClass().add("reference-side");
        setLeft(side);

        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        setCenter(scroll);

        model.groupsProperty().addListener((obs, old, groups) -> fill(groups));
        model.selectedProperty().addListener((obs, old, type) -> showSelected(type));
        fill(model.groupsProperty().get());
        showSelected(model.selectedProperty().get());
    }

    private void fill(Map<Category, List<LayerType>> groups) {
        TreeItem<Entry> root = list.getRoot();
        root.getChildren().clear();
        groups.forEach((category, types) -> {
            TreeItem<Entry> heading = new TreeItem<>(new Entry(category, null));
            heading.setExpanded(true);
            for (LayerType type : types) {
                heading.getChildren().add(new TreeItem<>(new Entry(category, type)));
            }
            root.getChildren().add(heading);
        });
        markSelected(model.selectedProperty().get());
    }

    private void showSelected(LayerType type) {
        if (type != null) {
            detail.show(type);
            markSelected(type);
        }
    }

    /** Highlights the selected kind in the list, if the search shows it. */
    private void markSelected(LayerType type) {
        for (TreeItem<Entry> heading : list.getRoot().getChildren()) {
            for (TreeItem<Entry> item : heading.getChildren()) {
                if (item.getValue().type() == type && list.getSelectionModel().getSelectedItem() != item) {
                    list.getSelectionModel().select(item);
                    revealIfHidden(item);
                    return;
                }
            }
        }
    }

    /** Scrolls the list to a row only when it is not already fully in view (as after a search or a jump). */
    private void revealIfHidden(TreeItem<Entry> item) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        boolean inView = list.lookupAll(".tree-cell").stream()
                .filter(node -> node instanceof TreeCell<?> cell && cell.getTreeItem() == item && cell.isVisible())
                .anyMatch(cell -> view.contains(cell.localToScene(cell.getLayoutBounds())));
        int row = list.getRow(item);
        if (!inView && row >= 0) {
            list.scrollTo(Math.max(0, row - 2));
        }
    }

    /** Category headings in small capitals, layer kinds by name with their summary as tooltip. */
    private static final class EntryCell extends TreeCell<Entry> {
        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("category-cell", "layer-cell");
            setTooltip(null);
            if (empty || entry == null) {
                setText(null);
                return;
            }
            if (entry.type() == null) {
                setText(entry.category().label());
                getStyleClass().add("category-cell");
            } else {
                setText(entry.type().displayName());
                getStyleClass().add("layer-cell");
                setTooltip(new javafx.scene.control.Tooltip(entry.type().summary()));
            }
        }
    }
}
