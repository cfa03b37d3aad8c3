package org.layerloom.app.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.confusion.ConfusionCellListener;
import org.layerloom.charts.confusion.ConfusionMatrixView;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.TestMetrics;

/**
 * The end of a run: the test metrics of the kept parameters, which epoch they come from and why the
 * run ended, where it was saved with "Open for inspection", and the confusion matrix with per-class
 * precision and recall for a classifier. JavaFX thread only.
 */
final class RunResultView extends HBox {

    private final Label headline = styled(new Label(), "result-headline");
    private final Label detail = styled(new Label(), "result-detail");
    private final Label checkpoint = styled(new Label(), "result-detail");
    private final Label ending = styled(new Label(), "result-detail");
    private final Label folder = styled(new Label(), "result-folder");
    private final Button open = new Button("Open for inspection");
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private Path shownFolder;

    RunResultView(Consumer<Path> openRun, ObservableValue<Theme> theme) {
        ThemeColors.bind(confusion.colorsProperty(), theme);
        open.setId("open-run-button");
        Label title = styled(new Label("Test result"), "chart-card-title");
        for (Label label : new Label[] {detail, checkpoint, ending, folder}) {
            label.setWrapText(true);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        open.getStyleClass().add("accent-button");
        open.setOnAction(e -> {
            if (shownFolder != null) {
                openRun.accept(shownFolder);
            }
        });
        VBox facts = new VBox(6, title, headline, detail, checkpoint, ending, folder, open);
        facts.getStyleClass().add("result-facts");
        facts.setPrefWidth(360);
        facts.setMinWidth(280);
        HBox.setHgrow(confusion, Priority.ALWAYS);
        getChildren().addAll(facts, confusion);
        getStyleClass().addAll("chart-card", "result-card");
        setSpacing(16);
    }

    void setOnCellChosen(ConfusionCellListener listener) {
        confusion.setOnCellChosen(listener);
    }

    ConfusionMatrixView confusion() {
        return confusion;
    }

    void show(RunResult result) {
        TestMetrics test = result.test();
        shownFolder = result.folder();
        if (test.isClassification()) {
            headline.setText("Test accuracy " + Numbers.percent(test.accuracy(), 1));
            detail.setText(String.format(Locale.ROOT, "Loss %.4f on %,d test examples the network never trained on.",
                    test.loss(), test.examples()));
            confusion.setMatrix(test.classNames(), test.confusion(), test.precision(), test.recall());
            confusion.setVisible(true);
            confusion.setManaged(true);
        } else {
            headline.setText(String.format(Locale.ROOT, "Test error (MAE) %.4g", test.mae()));
            detail.setText(String.format(Locale.ROOT, "Mean squared error %.4g, loss %.4f on %,d test examples.",
                    test.mse(), test.loss(), test.examples()));
            confusion.setVisible(false);
            confusion.setManaged(false);
        }
        checkpoint.setText(result.bestEpoch() > 0
                ? "Tested with the parameters of epoch " + result.bestEpoch() + " of " + result.epochsDone()
                        + (Double.isNaN(result.bestValidationLoss()) ? "" : String.format(Locale.ROOT,
                        ", the best checkpoint (lowest validation loss, %.4f).", result.bestValidationLoss()))
                : checkpointText(result.epochsDone()));
        ending.setText("Ended: " + result.reason() + ", after " + Numbers.clock(result.seconds()) + ".");
        folder.setText("Saved in " + result.folder());
    }

    /** Which parameters were tested when no epoch was judged best (no validation split, or stopped early). */
    static String checkpointText(int epochsDone) {
        return epochsDone == 0
                ? "Stopped during the first epoch: tested with the parameters as they were then, after part of one"
                        + " epoch."
                : "Tested with the parameters after the last epoch, epoch " + epochsDone + ".";
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
