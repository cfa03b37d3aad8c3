package org.layerloom.app.help;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.layerloom.engine.train.EngineInfo;

/**
 * Help > About: what LayerLoom is and the versions it runs with, in a text area that can be copied into
 * a bug report. JavaFX thread only.
 */
public final class AboutDialog extends Alert {

    public AboutDialog(Window owner, Optional<EngineInfo> engine) {
        super(AlertType.INFORMATION, "", ButtonType.CLOSE);
        initOwner(owner);
        setTitle("About LayerLoom");
        setHeaderText(Versions.layerLoom());
        Label blurb = new Label("Build neural networks by drawing them, train them on your own computer and look"
                + " inside them while they learn. No Python, no server, no account.");
        blurb.setWrapText(true);
        TextArea versions = new TextArea(String.join("\n", Versions.lines(engine)));
        versions.setEditable(false);
        versions.setPrefRowCount(7);
        versions.setId("about-versions");
        getDialogPane().setContent(new VBox(10, blurb, versions));
        getDialogPane().setPrefWidth(520);
    }
}
