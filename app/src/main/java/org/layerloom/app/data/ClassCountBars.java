package org.layerloom.app.data;

import static org.layerloom.app.ui.Css.styled;

import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.layerloom.engine.data.preview.DatasetPreview;

/**
 * One horizontal bar per class: its share of the training split, with the training and test counts beside
 * it, so an imbalance shows at a glance. For a regression, one line saying there are no classes. JavaFX
 * thread only.
 */
final class ClassCountBars extends GridPane {

    private static final double BAR_WIDTH = 220;
    private static final int MAX_ROWS = 20;

    ClassCountBars() {
        getStyleClass().add("class-bars");
        setHgap(10);
        setVgap(6);
        ColumnConstraints name = new ColumnConstraints();
        name.setMaxWidth(170);
        name.setMinWidth(Region.USE_PREF_SIZE);
        // The bar gives way first when the column is narrow, so names and counts stay readable.
        ColumnConstraints bar = new ColumnConstraints(60, BAR_WIDTH, BAR_WIDTH);
        ColumnConstraints count = new ColumnConstraints();
        count.setHalignment(HPos.RIGHT);
        count.setHgrow(Priority.ALWAYS);
        count.setMinWidth(Region.USE_PREF_SIZE);
        getColumnConstraints().setAll(name, bar, count);
    }

    void show(DatasetPreview preview) {
        getChildren().clear();
        List<String> classes = preview.classNames();
        if (classes.isEmpty()) {
            Label none = styled(new Label("A regression: the network predicts numbers, so there are no classes to "
                    + "count."), "muted");
            none.setWrapText(true);
            add(none, 0, 0, 3, 1);
            return;
        }
        List<Integer> train = preview.splits().get(0).classCounts();
        List<Integer> test = preview.splits().get(2).classCounts();
        int max = train.stream().mapToInt(Integer::intValue).max().orElse(1);
        for (int c = 0; c < Math.min(MAX_ROWS, classes.size()); c++) {
            Label name = styled(new Label(classes.get(c)), "class-name");
            Region fill = styled(new Region(), "class-bar-fill");
            fill.setPrefHeight(14);
            StackPane track = styled(new StackPane(fill), "class-bar-track");
            track.setMinWidth(0);
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
            clip.widthProperty().bind(track.widthProperty());
            clip.heightProperty().bind(track.heightProperty());
            track.setClip(clip);
            fill.maxWidthProperty().bind(track.widthProperty().multiply(max == 0 ? 0 : (double) train.get(c) / max));
            fill.minWidthProperty().bind(fill.maxWidthProperty());
            StackPane.setAlignment(fill, javafx.geometry.Pos.CENTER_LEFT);
            Label count = styled(new Label(String.format(Locale.ROOT, "%,d train · %,d test", train.get(c),
                    test.isEmpty() ? 0 : test.get(c))), "class-count");
            addRow(c, name, track, count);
        }
        if (classes.size() > MAX_ROWS) {
            add(styled(new Label("and " + (classes.size() - MAX_ROWS) + " more classes"), "muted"), 0, MAX_ROWS, 3, 1);
        }
    }
}
