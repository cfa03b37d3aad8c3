package org.layerloom.app.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.image.ImageGrid;
import org.layerloom.charts.scatter.ScatterPlot;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.EmbeddingProjection;

/**
 * The "Error analysis" section: the error gallery of one confusion cell (chosen here from the largest
 * cells or two class lists, or from outside through {@link InspectViewModel#showErrors}); for 2-D models
 * the decision map over the plane with the training points and every first-layer neuron's map; for
 * classifiers the embedding of the last hidden layer, one frame per epoch with an epoch slider.
 * JavaFX thread only.
 */
final class ErrorsSection extends ScrollPane {

    private final InspectViewModel model;
    private final ObservableValue<Theme> theme;
    private final Runnable openActivations;
    private final VBox galleryCard = Css.styled(new VBox(8), "inspect-card", "gallery-card");
    private final FlowPane tiles = Css.styled(new FlowPane(10, 10), "gallery-tiles");
    private final FlowPane biggest = Css.styled(new FlowPane(6, 6), "confusion-cells");
    private final ComboBox<String> actual = new ComboBox<>();
    private final ComboBox<String> predicted = new ComboBox<>();
    private final Label galleryTitle = Css.styled(new Label(""), "gallery-title");
    private final VBox planeCard = Css.styled(new VBox(8), "inspect-card", "decision-card");
    private final ScatterPlot decision;
    private final VBox neurons = new VBox(8);
    private final VBox embeddingCard = Css.styled(new VBox(8), "inspect-card", "embedding-card");
    private final ScatterPlot embedding;
    private final Slider epoch = new Slider(0, 0, 0);
    private final Label epochLabel = Css.styled(new Label(""), "muted");
    private final VBox content = Css.styled(new VBox(14), "errors-content");
    private final Label galleryStatus = Css.styled(new Label(""), "muted", "gallery-status");
    private boolean revealing;

    ErrorsSection(InspectViewModel model, ObservableValue<Theme> theme, Runnable openActivations) {
        this.model = model;
        this.theme = theme;
        this.openActivations = openActivations;
        Css.styled(this, "inspect-scroll", "errors-section");
        setFitToWidth(true);
        decision = ThemeColors.follow(new ScatterPlot(), theme);
        decision.setPrefSize(560, 500);
        decision.setEqualAxes(true);
        decision.setPointRadius(2.4);
        decision.setOnPlaneClicked((x, y) -> {
            model.usePoint(x, y);
            openActivations.run();
        });
        embedding = ThemeColors.follow(new ScatterPlot(), theme);
        embedding.setPrefSize(560, 460);
        embedding.setPointRadius(2.6);
        buildGallery();
        epoch.setMajorTickUnit(1);
        epoch.setMinorTickCount(0);
        epoch.setSnapToTicks(true);
        epoch.setShowTickMarks(true);
        epoch.setPrefWidth(320);
        epoch.getStyleClass().add("epoch-slider");
        epoch.valueProperty().addListener((obs, was, now) -> model.embeddingIndexProperty().set(now.intValue()));
        model.embeddingIndexProperty().addListener((obs, was, now) -> showEmbedding());
        model.embeddings().addListener((javafx.collections.ListChangeListener<EmbeddingProjected>) c -> showEmbedding());
        HBox slider = new HBox(10, new Label("Epoch"), epoch, epochLabel);
        slider.setAlignment(Pos.CENTER_LEFT);
        embeddingCard.getChildren().addAll(Css.styled(new Label("How the last hidden layer sorts the test samples"),
                "section-title"), Notes.note("Each dot is a test sample placed by the two main directions"
                + " (PCA) of its hidden outputs, coloured by its true class. Classes that separate here are easy for"
                + " the last layer."), slider, embedding);
        planeCard.getChildren().addAll(Css.styled(new Label("Decision map"), "section-title"),
                Notes.note("The colour of each place is the class the network predicts there (paler where"
                        + " it is unsure); dots are the training points. Click to inspect a point."),
                decision, neurons);
        content.getChildren().setAll(galleryCard, planeCard, embeddingCard);
        setContent(content);
        model.summaryProperty().addListener((obs, was, now) -> reset(now));
        model.confusionProperty().addListener((obs, was, now) -> showCells(now));
        model.galleryProperty().addListener((obs, was, now) -> showGallery(now));
        model.decisionMapProperty().addListener((obs, was, now) -> showDecision(now));
        model.planePointsProperty().addListener((obs, was, now) -> showPoints());
        reset(null);
    }

    private void buildGallery() {
        Button show = Css.styled(new Button("Show"), "show-cell");
        show.setOnAction(e -> {
            int a = actual.getSelectionModel().getSelectedIndex();
            int p = predicted.getSelectionModel().getSelectedIndex();
            if (a >= 0 && p >= 0) {
                model.showErrors(a, p);
            }
        });
        HBox chooser = new HBox(8, new Label("True class"), actual, new Label("predicted as"), predicted, show);
        chooser.setAlignment(Pos.CENTER_LEFT);
        galleryCard.getChildren().addAll(Css.styled(new Label("Error gallery"), "section-title"),
                Notes.note("The test samples of one confusion-matrix cell, with the network's three"
                        + " likeliest classes and, for images, where Grad-CAM finds the evidence for its wrong answer (bright"
                        + " red to yellow). Click a sample to look inside."),
                biggest, chooser, galleryStatus, galleryTitle, tiles);
        galleryStatus.textProperty().bind(model.galleryStatusProperty());
        galleryStatus.visibleProperty().bind(model.galleryStatusProperty().isNotEmpty());
        galleryStatus.managedProperty().bind(galleryStatus.visibleProperty());
    }

    private void reset(RunSummary summary) {
        boolean classifier = summary != null && summary.isClassifier();
        galleryCard.setVisible(classifier && summary.testCount() > 0);
        galleryCard.setManaged(galleryCard.isVisible());
        boolean plane = summary != null && summary.isPlane() || model.decisionMapProperty().get() != null;
        if (plane) {
            content.getChildren().setAll(planeCard, embeddingCard, galleryCard);
        } else {
            content.getChildren().setAll(galleryCard, planeCard, embeddingCard);
        }
        planeCard.setVisible(plane);
        planeCard.setManaged(plane);
        embeddingCard.setVisible(!model.embeddings().isEmpty());
        embeddingCard.setManaged(embeddingCard.isVisible());
        List<String> names = summary == null ? List.of() : summary.classNames();
        actual.getItems().setAll(names);
        predicted.getItems().setAll(names);
        tiles.getChildren().clear();
        biggest.getChildren().clear();
        galleryTitle.setText("");
        showPoints();
    }

    private void showCells(int[][] confusion) {
        biggest.getChildren().clear();
        RunSummary summary = model.summaryProperty().get();
        if (confusion == null || summary == null) {
            return;
        }
        List<int[]> cells = new ArrayList<>();
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                if (a != p && confusion[a][p] > 0) {
                    cells.add(new int[] {a, p, confusion[a][p]});
                }
            }
        }
        cells.sort(Comparator.comparingInt((int[] c) -> -c[2]));
        if (cells.isEmpty()) {
            biggest.getChildren().add(Css.styled(new Label("The network gets every loaded test sample right."),
                    "muted"));
            return;
        }
        biggest.getChildren().add(Css.styled(new Label("Most frequent mistakes:"), "muted"));
        for (int[] c : cells.subList(0, Math.min(8, cells.size()))) {
            Button cell = Css.styled(new Button(summary.className(c[0]) + " → " + summary.className(c[1]) + "  ("
                    + c[2] + ")"), "cell-button");
            cell.setOnAction(e -> {
                actual.getSelectionModel().select(c[0]);
                predicted.getSelectionModel().select(c[1]);
                model.showErrors(c[0], c[1]);
            });
            biggest.getChildren().add(cell);
        }
        if (model.galleryProperty().get() == null && model.galleryStatusProperty().get().isEmpty()) {
            actual.getSelectionModel().select(cells.get(0)[0]);
            predicted.getSelectionModel().select(cells.get(0)[1]);
            model.showErrors(cells.get(0)[0], cells.get(0)[1]);
        }
    }

    /**
     * Scrolls the gallery into view when the next gallery arrives (a confusion cell chosen in the Train
     * area), and now if one is shown.
     */
    void revealGallery() {
        revealing = true;
        if (galleryCard.isVisible()) {
            Platform.runLater(this::scrollToGallery);
        }
    }

    /** Scrolls so that the gallery card's top is at the top of the view (or as far as the content allows). */
    private void scrollToGallery() {
        applyCss();
        layout();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = getViewportBounds().getHeight();
        double room = contentHeight - viewport;
        double top = galleryCard.getBoundsInParent().getMinY();
        setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, top / room)) * (getVmax() - getVmin()) + getVmin());
    }

    /** The first pixel row of the gallery card inside the viewport, or -1 when it is scrolled out of view. */
    double galleryTopInView() {
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = getViewportBounds().getHeight();
        double offset = Math.max(0, contentHeight - viewport) * (getVvalue() - getVmin()) / (getVmax() - getVmin());
        double top = galleryCard.getBoundsInParent().getMinY() - offset;
        return top >= -1 && top < viewport ? Math.max(0, top) : -1;
    }

    private void showGallery(Gallery gallery) {
        tiles.getChildren().clear();
        RunSummary summary = model.summaryProperty().get();
        if (gallery == null || summary == null) {
            galleryTitle.setText("");
            return;
        }
        if (revealing) {
            revealing = false;
            Platform.runLater(this::scrollToGallery);
        }
        galleryCard.setVisible(true);
        galleryCard.setManaged(true);
        actual.getSelectionModel().select(gallery.actual());
        predicted.getSelectionModel().select(gallery.predicted());
        String name = "true " + summary.className(gallery.actual()) + ", predicted "
                + summary.className(gallery.predicted());
        galleryTitle.setText(gallery.total() == 0 ? "No test sample is " + name + "."
                : gallery.total() + " test samples are " + name
                + (gallery.items().size() < gallery.total() ? " (the first " + gallery.items().size() + " shown)" : "")
                + ".");
        for (GalleryItem item : gallery.items()) {
            tiles.getChildren().add(new GalleryTile(item, summary, theme, () -> {
                model.pickGalleryItem(item);
                openActivations.run();
            }));
        }
    }

    private void showPoints() {
        float[][] points = model.planePointsProperty().get();
        RunSummary summary = model.summaryProperty().get();
        List<String> names = summary != null ? summary.classNames() : List.of();
        if (points != null) {
            decision.setPoints(points[0], points[1], model.planeLabels(), names);
        } else {
            decision.setPoints(new float[0], new float[0], new int[0], names);
        }
    }

    private void showDecision(DecisionMapCaptured captured) {
        if (captured == null) {
            decision.clearMap();
            neurons.getChildren().clear();
            return;
        }
        planeCard.setVisible(true);
        planeCard.setManaged(true);
        DecisionMap frame = captured.map();
        decision.setBounds(frame.bounds().xMin(), frame.bounds().xMax(), frame.bounds().yMin(), frame.bounds().yMax());
        decision.setDecisionMap(frame.width(), frame.classes(), frame.probabilities().values());
        decision.setTitles("What the network predicts over the plane (" + whenText(captured) + ")", "x₁", "x₂");
        if (model.summaryProperty().get() == null && model.planePointsProperty().get() == null) {
            List<String> names = new ArrayList<>();
            for (int c = 0; c < frame.classes(); c++) {
                names.add("class " + c);
            }
            decision.setPoints(new float[0], new float[0], new int[0], names);
        }
        neurons.getChildren().clear();
        RunSummary summary = model.summaryProperty().get();
        List<String> order = new ArrayList<>(frame.unitMaps().keySet());
        if (summary != null) {
            order.sort(Comparator.comparingInt(id -> summary.denseNodes().indexOf(id)));
        }
        for (String node : order) {
            int units = frame.unitCount(node);
            List<float[]> maps = new ArrayList<>();
            List<String> names = new ArrayList<>();
            float[] all = frame.unitMaps().get(node).values();
            for (int u = 0; u < units; u++) {
                maps.add(frame.unitMap(node, u));
                names.add("unit " + (u + 1));
            }
            ImageGrid grid = ThemeColors.follow(new ImageGrid(), theme);
            grid.setTileSize(72);
            grid.setImages(frame.height(), frame.width(), maps, names, ColorScale.fitting(all));
            grid.setTitles("Neurons of " + (summary == null ? node : summary.nodeName(node)) + ": each map is one"
                    + " unit's output over the same plane", "output");
            neurons.getChildren().add(grid);
        }
    }

    private void showEmbedding() {
        List<EmbeddingProjected> frames = model.embeddings();
        embeddingCard.setVisible(!frames.isEmpty());
        embeddingCard.setManaged(!frames.isEmpty());
        if (frames.isEmpty()) {
            return;
        }
        epoch.setMax(Math.max(0, frames.size() - 1));
        epoch.setDisable(frames.size() < 2);
        int index = Math.max(0, Math.min(frames.size() - 1, model.embeddingIndexProperty().get()));
        if ((int) epoch.getValue() != index) {
            epoch.setValue(index);
        }
        EmbeddingProjected shown = frames.get(index);
        EmbeddingProjection frame = shown.projection();
        RunSummary summary = model.summaryProperty().get();
        List<String> names = new ArrayList<>();
        int classes = java.util.Arrays.stream(frame.labels()).max().orElse(-1) + 1;
        for (int c = 0; c < classes; c++) {
            names.add(summary == null ? "class " + c : summary.className(c));
        }
        embedding.setPoints(frame.x(), frame.y(), frame.labels(), names);
        String node = summary == null ? frame.nodeId() : summary.nodeName(frame.nodeId());
        embedding.setTitles("Outputs of " + node + (shown.epoch() > 0 ? " after epoch " + shown.epoch()
                : " of the saved network") + ", " + frame.size() + " test samples", "PC 1", "PC 2");
        epochLabel.setText((shown.epoch() > 0 ? "epoch " + shown.epoch() + " · " : "") + varianceText(frame));
    }

    /** When the map was taken: "epoch 3, batch 40", or "the saved network" for a saved run's (epoch 0). */
    static String whenText(DecisionMapCaptured captured) {
        return captured.epoch() > 0 ? "epoch " + captured.epoch() + ", batch " + captured.batch() : "the saved network";
    }

    /** The variance explained by the first two axes, e.g. "PC 1 explains 34 %, PC 2 18 % of the variance". */
    static String varianceText(EmbeddingProjection projection) {
        double[] explained = projection.explainedVariance();
        double a = explained.length > 0 ? explained[0] : 0;
        double b = explained.length > 1 ? explained[1] : 0;
        return "PC 1 explains " + Numbers.percent(a) + ", PC 2 " + Numbers.percent(b) + " of the variance";
    }

    ScatterPlot decisionPlot() {
        return decision;
    }

    ScatterPlot embeddingPlot() {
        return embedding;
    }

    Slider epochSlider() {
        return epoch;
    }

    int tileCount() {
        return tiles.getChildren().size();
    }
}
