package org.layerloom.editor.view;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.MemoryEstimate;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.text.Numbers;

/**
 * The bar under the canvas: whether the network is valid, its total parameters, an estimate of the
 * memory per training batch, the last status message, the validation time and the zoom.
 * JavaFX thread only.
 */
final class SummaryBar extends HBox {

    private static final PseudoClass VALID = PseudoClass.getPseudoClass("valid");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ProjectSession session;
    private final EditorViewModel editor;
    private final Label validity = new Label();
    private final Label params = new Label();
    private final Label memory = new Label();
    private final Label status = new Label();
    private final Label timing = new Label();
    private final Label zoom = new Label();

    SummaryBar(ProjectSession session, GraphCanvas canvas) {
        this.session = session;
        this.editor = session.editor();
        getStyleClass().add("summary-bar");
        setId("summary-bar");
        validity.setId("graph-status");
        validity.getStyleClass().add("validity-pill");
        params.setId("total-params");
        memory.setId("memory-estimate");
        status.setId("status-message");
        status.getStyleClass().add("status-message");
        status.setMinWidth(0);
        // With large text the bar runs out of room: the status and the timing give way first, the verdict never.
        validity.setMinWidth(Region.USE_PREF_SIZE);
        timing.setMinWidth(0);
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        timing.getStyleClass().add("muted");
        zoom.getStyleClass().add("muted");
        zoom.textProperty().bind(canvas.zoomProperty().map(z -> Numbers.percent(z.doubleValue())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        getChildren().addAll(validity, params, separator(), memory, separator(), status, spacer, timing, zoom);
        session.addListener(this::refresh);
        refresh();
    }

    private static Label separator() {
        Label dot = new Label("·");
        dot.getStyleClass().add("muted");
        return dot;
    }

    private void refresh() {
        ValidationReport report = editor.report();
        int layers = report.graph().nodes().size();
        int errors = report.errors().size();
        boolean valid = layers > 0 && report.isValid();
        validity.setText(layers == 0 ? "Empty" : valid ? "✓ Valid" : "✕ " + errors + " error" + (errors == 1 ? "" : "s"));
        validity.pseudoClassStateChanged(VALID, valid);
        validity.pseudoClassStateChanged(INVALID, !valid);
        params.setText(String.format(Locale.ROOT, "%,d parameters", report.totalParameters()));
        int batch = session.project().training().batchSize();
        memory.setText("≈ " + MemoryEstimate.format(MemoryEstimate.bytesPerBatch(report, batch)) + " per batch of "
                + batch);
        status.setText(editor.status());
        timing.setText(String.format(Locale.ROOT, "%d layers · checked in %.1f ms", layers,
                editor.lastValidationNanos() / 1e6));
    }
}
