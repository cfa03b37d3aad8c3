package org.layerloom.app.ui.reference;

import static org.layerloom.app.ui.Css.styled;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.PortSpec;

/**
 * Explains one layer kind to a student: name and category, one-line summary, how it works, its
 * formula, what it connects to and the table of its parameters. Built once, refilled by
 * {@link #show(LayerType)}. JavaFX thread only.
 */
final class LayerDetailView extends VBox {

    private final Label category = styled(new Label(), "detail-category");
    private final Label title = styled(new Label(), "detail-title");
    private final Label summary = styled(new Label(), "detail-summary");
    private final Label explanation = styled(new Label(), "detail-text");
    private final Label formula = styled(new Label(), "formula");
    private final VBox formulaSection = section("Formula", formula);
    private final Label connections = styled(new Label(), "detail-text");
    private final GridPane parameters = styled(new GridPane(), "param-table");
    private final Label noParameters = styled(new Label("Nothing to set: this layer has no parameters."),
            "muted");

    LayerDetailView() {
        getStyleClass().add("layer-detail");
        title.setId("layer-title");
        summary.setId("layer-summary");
        explanation.setId("layer-explanation");
        formula.setId("layer-formula");
        parameters.setId("layer-parameters");
        for (Label label : List.of(summary, explanation, formula, connections, noParameters)) {
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
        }
        VBox heading = new VBox(2, category, title, summary);
        getChildren().addAll(heading, section("How it works", explanation), formulaSection,
                section("Connections", connections), section("Parameters you can set", parameters, noParameters));
    }

    void show(LayerType type) {
        category.setText(type.category().label().toUpperCase(java.util.Locale.ROOT));
        title.setText(type.displayName());
        summary.setText(type.summary());
        explanation.setText(type.explanation().text());
        boolean hasFormula = type.explanation().hasFormula();
        formula.setText(hasFormula ? formulaLines(type.explanation().formula()) : "");
        formulaSection.setVisible(hasFormula);
        formulaSection.setManaged(hasFormula);
        connections.setText(connections(type));
        fillParameters(type.parameters());
    }

    /** Puts each of several formulas (separated by ';' in the catalog) on a line of its own. */
    static String formulaLines(String formula) {
        return String.join("\n", formula.split(";\\s*"));
    }

    private static String connections(LayerType type) {
        List<PortSpec> ports = type.inputPorts();
        String in = ports.isEmpty() ? "Nothing connects into it: this is where data enters the network."
                : ports.get(0).acceptsMany() ? "Takes two or more wires, combined in the order they were connected."
                : "Takes one wire from the layer before it.";
        String out = type.hasOutput() ? " Its output can feed any number of layers."
                : " It has no output: this is where the network ends.";
        return in + out;
    }

    private void fillParameters(List<ParamSpec> specs) {
        parameters.getChildren().clear();
        parameters.getColumnConstraints().setAll(column(15), column(17), column(30), column(38));
        boolean empty = specs.isEmpty();
        parameters.setVisible(!empty);
        parameters.setManaged(!empty);
        noParameters.setVisible(empty);
        noParameters.setManaged(empty);
        String[] headers = {"Parameter", "Default", "Allowed values", "What it does"};
        for (int c = 0; c < headers.length; c++) {
            parameters.add(cell(headers[c], "param-header"), c, 0);
        }
        int row = 1;
        for (ParamSpec spec : specs) {
            String stripe = row % 2 == 0 ? "param-cell-even" : "param-cell";
            parameters.add(cell(spec.label(), stripe, "param-name"), 0, row);
            parameters.add(cell(ParamText.defaultValue(spec), stripe, "param-value"), 1, row);
            parameters.add(cell(ParamText.allowed(spec), stripe), 2, row);
            parameters.add(cell(spec.help(), stripe), 3, row);
            row++;
        }
    }

    private static ColumnConstraints column(double percent) {
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(percent);
        column.setHalignment(HPos.LEFT);
        column.setFillWidth(true);
        return column;
    }

    private static Label cell(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        GridPane.setValignment(label, VPos.TOP);
        GridPane.setFillHeight(label, true);
        GridPane.setVgrow(label, Priority.SOMETIMES);
        return label;
    }

    private static VBox section(String heading, javafx.scene.Node... content) {
        VBox box = new VBox(6, styled(new Label(heading), "section-heading"));
        box.getChildren().addAll(content);
        box.getStyleClass().add("detail-section");
        return box;
    }
}
