package org.layerloom.app.start;

import static org.layerloom.app.ui.Css.styled;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerloom.app.data.ImageTiles;
import org.layerloom.app.data.PathChooser;
import org.layerloom.app.data.PointPlot;
import org.layerloom.engine.data.preview.DatasetPreview;

/**
 * The "New project" page of the start screen: first what the network learns from (built-in sets with a
 * thumbnail, standard sets, the student's own data through a chooser), then a template that fits it, a name
 * and Create. Templates that do not fit the data are disabled, with the reason as their tooltip.
 * Observes a {@link NewProjectViewModel}; JavaFX thread only.
 */
final class NewProjectView extends javafx.scene.layout.BorderPane {

    private static final double THUMB = 84;
    private static final double TILE_WIDTH = 150;
    private static final double TILE_HEIGHT = 150;

    private final NewProjectViewModel model;
    private final PathChooser chooser;
    private final ToggleGroup dataGroup = new ToggleGroup();
    private final Map<String, StackPane> pictures = new HashMap<>();
    private final Map<String, ToggleButton> dataTiles = new HashMap<>();

    NewProjectView(NewProjectViewModel model, PathChooser chooser, Runnable back) {
        this.model = model;
        this.chooser = chooser;
        setId("new-project");
        Label title = styled(new Label("New project"), "start-title");
        Button backButton = new Button("← Back to the samples");
        backButton.setId("new-project-back");
        backButton.setOnAction(e -> back.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(12, title, grow, backButton);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(14, top,
                step("1", "What will your network learn from?"),
                group("Built into LayerLoom: made on this computer in a moment", NewProjectViewModel.Group.BUILT_IN),
                group("Standard datasets: downloaded once, in the Data area", NewProjectViewModel.Group.STANDARD),
                group("Your own data", NewProjectViewModel.Group.OWN));
        content.setPadding(new Insets(24, 28, 20, 28));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("start-scroll");
        setCenter(scroll);
        VBox bottom = styled(new VBox(12, step("2", "Start from"), templates(), finish()), "new-project-bottom");
        bottom.setPadding(new Insets(14, 28, 18, 28));
        setBottom(bottom);
        model.thumbnails().addListener((MapChangeListener<String, DatasetPreview>) c -> {
            if (c.wasAdded()) {
                showThumbnail(c.getKey(), c.getValueAdded());
            }
        });
        model.thumbnails().forEach(this::showThumbnail);
        model.dataProperty().addListener((obs, was, is) -> {
            ToggleButton tile = is == null ? null : dataTiles.get(is.source());
            if (tile != null && !tile.isSelected()) {
                tile.setSelected(true);
            }
        });
    }

    private static Node step(String number, String text) {
        Label badge = styled(new Label(number), "step-number");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, badge, styled(new Label(text), "step-title"));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node group(String heading, NewProjectViewModel.Group group) {
        FlowPane tiles = new FlowPane(12, 12);
        for (NewProjectViewModel.DataOption option : model.options()) {
            if (option.group() == group) {
                tiles.getChildren().add(tile(option));
            }
        }
        return new VBox(8, styled(new Label(heading), "sidebar-heading"), tiles);
    }

    private ToggleButton tile(NewProjectViewModel.DataOption option) {
        StackPane picture = styled(new StackPane(), "data-tile-picture");
        picture.setMinSize(THUMB, THUMB);
        picture.setPrefSize(THUMB, THUMB);
        picture.setMaxSize(THUMB, THUMB);
        picture.getChildren().add(styled(new Label(symbol(option)), "data-tile-symbol"));
        pictures.put(option.source(), picture);
        Label name = styled(new Label(option.title()), "data-tile-title");
        name.setWrapText(true);
        name.setPrefWidth(TILE_WIDTH - 20);
        name.setMaxWidth(TILE_WIDTH - 20);
        VBox box = new VBox(6, picture, name);
        box.setAlignment(Pos.TOP_CENTER);
        ToggleButton tile = styled(new ToggleButton(null, box), "data-tile");
        tile.setId("new-data-" + option.source());
        tile.setToggleGroup(dataGroup);
        tile.setPrefSize(TILE_WIDTH, TILE_HEIGHT);
        tile.setMinSize(TILE_WIDTH, TILE_HEIGHT);
        tile.setMaxSize(TILE_WIDTH, TILE_HEIGHT);
        tile.setOnAction(e -> {
            if (option.group() == NewProjectViewModel.Group.OWN) {
                Optional<Path> chosen = option.source().equals("image-folder")
                        ? chooser.chooseFolder(this, "A folder of pictures, one subfolder per class", null)
                        : chooser.chooseFile(this, option.source().equals("csv") ? "A table of examples"
                        : "Labelled texts", "Tables and texts (*.csv, *.tsv, *.txt)",
                        List.of("*.csv", "*.tsv", "*.txt"), null);
                if (chosen.isPresent()) {
                    model.chooseOwn(option.source(), chosen.get());
                } else {
                    tile.setSelected(model.dataProperty().get() == option);
                }
            } else {
                model.choose(option.source());
                tile.setSelected(true);
            }
        });
        dataTiles.put(option.source(), tile);
        return tile;
    }

    private static String symbol(NewProjectViewModel.DataOption option) {
        return switch (option.source()) {
            case "csv" -> "▦";
            case "image-folder" -> "▧";
            case "text" -> "¶";
            case "sine-forecast", "curve" -> "∿";
            case "sequence-pattern" -> "1 2 3";
            default -> option.group() == NewProjectViewModel.Group.STANDARD ? "⇩" : "…";
        };
    }

    private void showThumbnail(String source, DatasetPreview preview) {
        StackPane picture = pictures.get(source);
        if (picture == null) {
            return;
        }
        if (!preview.points().isEmpty()) {
            picture.getChildren().setAll(new PointPlot(preview.points(), THUMB - 8));
        } else if (preview.hasImages()) {
            FlowPane grid = new FlowPane(2, 2);
            grid.setAlignment(Pos.CENTER);
            for (DatasetPreview.ImageSample sample : preview.images().subList(0, Math.min(4, preview.images().size()))) {
                int scale = Math.max(1, (int) ((THUMB - 10) / 2 / Math.max(sample.width(), sample.height())));
                grid.getChildren().add(new ImageView(ImageTiles.paint(sample, scale)));
            }
            picture.getChildren().setAll(grid);
        }
    }

    private Node templates() {
        ToggleGroup group = new ToggleGroup();
        HBox cards = new HBox(12);
        for (ProjectTemplate template : ProjectTemplate.values()) {
            Label name = styled(new Label(template.title()), "template-title");
            Label text = styled(new Label(template.summary()), "template-text");
            VBox box = new VBox(2, name, text);
            ToggleButton card = styled(new ToggleButton(null, box), "template-card");
            card.setId("new-template-" + template.name().toLowerCase(Locale.ROOT));
            card.setToggleGroup(group);
            card.setPrefWidth(200);
            card.setMaxHeight(Region.USE_PREF_SIZE);
            card.setOnAction(e -> {
                model.templateProperty().set(template);
                card.setSelected(true);
            });
            Runnable update = () -> {
                Optional<String> why = model.whyNot(template);
                card.setDisable(why.isPresent());
                card.setTooltip(new Tooltip(why.orElse(template.description())));
                card.setSelected(model.templateProperty().get() == template);
            };
            model.shapeProperty().addListener((obs, was, is) -> update.run());
            model.templateProperty().addListener((obs, was, is) -> update.run());
            update.run();
            cards.getChildren().add(card);
        }
        return cards;
    }

    private Node finish() {
        Label shape = styled(new Label(), "new-project-shape");
        shape.setId("new-project-shape");
        shape.setWrapText(true);
        shape.textProperty().bind(model.shapeProperty().map(s -> "The network will read " + s.describe() + ".")
                .orElse("Choose what the network learns from above."));
        Label status = styled(new Label(), "start-message");
        status.setId("new-project-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        TextField name = new TextField();
        name.setId("new-project-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        name.setPrefColumnCount(22);
        Button create = styled(new Button("Create project"), "accent-button");
        create.setId("new-project-create");
        create.setDefaultButton(true);
        create.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.canCreate(),
                model.shapeProperty(), model.templateProperty(), model.dataProperty()));
        create.setOnAction(e -> model.create());
        HBox row = new HBox(10, styled(new Label("Name"), "data-field-name"), name, create);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, shape, status, row);
        VBox.setMargin(box, new Insets(6, 0, 0, 0));
        return box;
    }
}
