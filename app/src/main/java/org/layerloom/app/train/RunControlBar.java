package org.layerloom.app.train;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import org.controlsfx.control.ToggleSwitch;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.layerloom.engine.text.Numbers;

/**
 * The dashboard's row of run controls: Train, Pause, Step (one batch, then paused), Resume and Stop bound to the
 * run's phase; Continue (the last
 * run, for a number of more epochs) and "until I stop it" (Train and Continue go on until Stop); "Learn from a
 * run…" (a new run with a teacher); the learning
 * rate (the project's between runs, the run's while it trains, editable while paused); the chart smoothing; slow motion (a pause before each batch); and
 * the phase as a coloured chip.
 * JavaFX thread only.
 */
final class RunControlBar extends FlowPane {

    private final Slider smoothing = new Slider(0, 0.99, 0.6);
    /** The more-epochs spinner's value, tied both ways to the model's (kept here: the tie is weak). */
    private final javafx.beans.property.ObjectProperty<Integer> moreEpochs;
    /** The slow-motion spinner's value, tied both ways to the model's (kept here: the tie is weak). */
    private final javafx.beans.property.ObjectProperty<Integer> slowMotion;

    /** @param learnFrom asks for a teacher run and trains with it ("Learn from a run…") */
    RunControlBar(TrainingDashboardViewModel model, Runnable learnFrom) {
        Button train = button("Train", "train-button", model::train, "Train the project's network on its dataset.");
        Button teacher = button("Learn from a run…", "learn-from-button", learnFrom, "Train a new run that also"
                + " learns from a trained network's answers (knowledge distillation), e.g. a small network from a"
                + " big one.");
        teacher.disableProperty().bind(model.whilePhase(DashboardPhase::canTrain).not());
        train.getStyleClass().add("accent-button");
        train.disableProperty().bind(model.whilePhase(DashboardPhase::canTrain).not());
        Button pause = button("Pause", "pause-button", model::pause, "Pause after this batch; the run waits.");
        pause.disableProperty().bind(model.whilePhase(DashboardPhase::canPause).not());
        Button step = button("Step", "step-button", model::step,
                "Train exactly one batch and pause; the Step tab shows how the optimizer changed one weight.");
        step.disableProperty().bind(model.whilePhase(DashboardPhase::canStep).not());
        Button resume = button("Resume", "resume-button", model::resume, "Go on training.");
        resume.disableProperty().bind(model.whilePhase(DashboardPhase::canResume).not());
        Button stop = button("Stop", "stop-button", model::stop,
                "Stop after this batch; the run is tested with its best epoch and saved.");
        stop.disableProperty().bind(model.whilePhase(DashboardPhase::canStop).not());

        TextField rate = new TextField();
        rate.setId("learning-rate-field");
        rate.setPrefColumnCount(7);
        rate.setPromptText("0.001");
        rate.setTooltip(new Tooltip("Pause the run to change its learning rate; the change shows as a marker."));
        rate.disableProperty().bind(model.whilePhase(DashboardPhase::canResume).not());
        // While a run is on, the rate it trains with; between runs, the rate the project's next run starts with.
        Runnable showRate = () -> {
            if (!rate.isFocused() || rate.isDisabled()) {
                double shown = model.phaseProperty().get().isActive()
                        && !Double.isNaN(model.live().learningRateProperty().get())
                        ? model.live().learningRateProperty().get() : model.plannedRateProperty().get();
                rate.setText(Double.isNaN(shown) ? "" : Numbers.rate(shown));
            }
        };
        model.live().learningRateProperty().addListener((o, a, b) -> showRate.run());
        model.plannedRateProperty().addListener((o, a, b) -> showRate.run());
        model.phaseProperty().addListener((o, a, b) -> showRate.run());
        showRate.run();
        Button apply = button("Apply", "apply-rate-button", () -> model.changeLearningRate(rate.getText()),
                "Use this learning rate from the next batch.");
        apply.disableProperty().bind(rate.disabledProperty());
        rate.setOnAction(e -> model.changeLearningRate(rate.getText()));

        smoothing.setId("smoothing-slider");
        smoothing.setPrefWidth(110);
        smoothing.setTooltip(new Tooltip("How much the per-batch curves are smoothed (0: not at all)."));
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", smoothing.getValue()), smoothing.valueProperty()));
        smoothingValue.getStyleClass().add("muted");
        smoothingValue.setMinWidth(32);

        Label chip = new Label();
        chip.setId("phase-chip");
        chip.getStyleClass().add("phase-chip");
        chip.textProperty().bind(Bindings.createStringBinding(() -> model.phaseProperty().get().text(),
                model.phaseProperty()));
        model.phaseProperty().addListener((o, a, b) -> phaseClass(chip, b));
        phaseClass(chip, model.phaseProperty().get());

        Spinner<Integer> more = new Spinner<>(1, 100_000, model.moreEpochsProperty().get());
        moreEpochs = model.moreEpochsProperty().asObject();
        more.getValueFactory().valueProperty().bindBidirectional(moreEpochs);
        more.setId("more-epochs");
        more.setEditable(true);
        more.setPrefWidth(80);
        more.setTooltip(new Tooltip("How many more epochs Continue trains."));
        Button continueRun = button("Continue", "continue-button", () -> {
            more.increment(0); // takes a number typed but not yet confirmed
            model.continueTraining(model.moreEpochsProperty().get());
        }, "Go on training the last run from its last epoch, with its optimizer state.");
        continueRun.disableProperty().bind(model.canContinue().not());
        Label moreLabel = label("more epochs");
        ToggleSwitch forever = new ToggleSwitch("until I stop it");
        forever.setId("until-stopped-switch");
        forever.setTooltip(new Tooltip("Train and Continue go on, epoch after epoch, until you press Stop."));
        forever.selectedProperty().bindBidirectional(model.untilStoppedProperty());
        more.disableProperty().bind(forever.selectedProperty());
        moreLabel.disableProperty().bind(forever.selectedProperty());

        Spinner<Integer> slow = new Spinner<>(0, 5_000, model.slowMotionProperty().get(), 50);
        slowMotion = model.slowMotionProperty().asObject();
        slow.getValueFactory().valueProperty().bindBidirectional(slowMotion);
        slow.setId("slow-motion");
        slow.setEditable(true);
        slow.setPrefWidth(86);
        slow.setTooltip(new Tooltip("Slow motion: wait this long before each batch, to watch the charts and the"
                + " decision map form (0: full speed)."));

        // A flow: on a narrow window the controls wrap onto a second row rather than being cut to "Tr…".
        setHgap(8);
        setVgap(6);
        getChildren().addAll(group(train, pause, step, resume, stop), separator(),
                group(continueRun, more, moreLabel, forever), separator(), teacher, separator(), group(label("Learning rate"), rate, apply),
                separator(), group(label("Smoothing"), smoothing, smoothingValue), separator(),
                group(label("Slow motion"), slow, label("ms")), chip);
        getStyleClass().add("dash-toolbar");
    }

    Slider smoothing() {
        return smoothing;
    }

    private static void phaseClass(Label chip, DashboardPhase phase) {
        chip.getStyleClass().removeIf(c -> c.startsWith("phase-") && !c.equals("phase-chip"));
        chip.getStyleClass().add("phase-" + phase.name().toLowerCase(Locale.ROOT));
    }

    private static Button button(String text, String id, Runnable action, String help) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        button.setTooltip(new Tooltip(help));
        return button;
    }

    /** Controls that stay together on one row. */
    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("toolbar-label");
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
