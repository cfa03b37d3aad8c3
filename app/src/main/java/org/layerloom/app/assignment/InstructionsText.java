package org.layerloom.app.assignment;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.layerloom.engine.assignment.Instructions;

/**
 * An assignment's instructions drawn as JavaFX text: headings, paragraphs and lists of bold, italic and code
 * spans, styled by the {@code instructions-*} classes of the stylesheet. JavaFX thread only.
 */
final class InstructionsText {

    private InstructionsText() {
    }

    static VBox of(String instructions) {
        VBox box = new VBox(6);
        box.getStyleClass().add("instructions");
        for (Instructions.Block block : Instructions.parse(instructions)) {
            if (block instanceof Instructions.Heading h) {
                box.getChildren().add(flow(h.spans(), "instructions-heading"));
            } else if (block instanceof Instructions.Paragraph p) {
                box.getChildren().add(flow(p.spans(), "instructions-paragraph"));
            } else if (block instanceof Instructions.Bullets b) {
                for (List<Instructions.Span> item : b.items()) {
                    TextFlow line = flow(item, "instructions-item");
                    line.getChildren().add(0, text("•  ", "instructions-plain"));
                    box.getChildren().add(line);
                }
            }
        }
        return box;
    }

    private static TextFlow flow(List<Instructions.Span> spans, String style) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(style);
        for (Instructions.Span span : spans) {
            flow.getChildren().add(text(span.text(), switch (span.style()) {
                case PLAIN -> "instructions-plain";
                case BOLD -> "instructions-bold";
                case ITALIC -> "instructions-italic";
                case CODE -> "instructions-code";
            }));
        }
        return flow;
    }

    private static Node text(String content, String style) {
        Text text = new Text(content);
        text.getStyleClass().addAll("instructions-text", style);
        return text;
    }
}
