package org.layerloom.app.coach;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerloom.engine.train.coach.CoachAction;
import org.layerloom.engine.train.coach.GraphChange;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The coach panel: a column of advice cards, newest first, each with its source and when it fired, the
 * title, the reason in numbers, what to try, one Apply button per action (turned into "Applied ✓" once
 * used) and a dismiss button. The app's event pump calls {@link #onEvents} once per pulse; the cards are
 * rebuilt only when they change. JavaFX thread only.
 */
public final class CoachPanel extends VBox {

    static final String STYLESHEET = "/org/layerloom/app/coach/coach.css";

    private final CoachViewModel model;
    private final VBox cards = new VBox(10);
    private final Label count = new Label();

    public CoachPanel(CoachViewModel model) {
        this.model = model;
        getStyleClass().add("coach-panel");
        setId("coach-panel");
        getStylesheets().add(CoachPanel.class.getResource(STYLESHEET).toExternalForm());
        Label title = new Label("Coach");
        title.getStyleClass().add("coach-title");
        count.getStyleClass().add("coach-count");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap, count);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("coach-header");
        cards.getStyleClass().add("coach-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        cards.setMinWidth(0);
        scroll.getStyleClass().add("coach-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        model.addListener(this::rebuild);
        rebuild();
    }

    /** Takes one pulse's worth of training events (JavaFX thread, once per pulse). */
    public void onEvents(List<TrainingEvent> batch) {
        model.onEvents(batch);
    }

    public CoachViewModel model() {
        return model;
    }

    private void rebuild() {
        List<CoachCard> all = model.cards();
        count.setText(all.isEmpty() ? "" : all.size() == 1 ? "1 card" : all.size() + " cards");
        cards.getChildren().clear();
        if (!model.heldBecause().isEmpty()) {
            Label held = new Label(model.heldBecause());
            held.setWrapText(true);
            held.setId("coach-held");
            held.getStyleClass().add("coach-held");
            cards.getChildren().add(held);
        }
        if (all.isEmpty()) {
            Label empty = new Label("No advice yet. While the network trains, cards appear here when the coach"
                    + " notices something worth changing, with a button to apply it.");
            empty.setWrapText(true);
            empty.getStyleClass().add("coach-empty");
            cards.getChildren().add(empty);
            return;
        }
        for (CoachCard card : all) {
            cards.getChildren().add(cardView(card));
        }
    }

    private VBox cardView(CoachCard card) {
        Label source = new Label(card.source().toUpperCase(java.util.Locale.ROOT) + " · " + card.when());
        source.getStyleClass().add("coach-card-source");
        Button dismiss = new Button("✕");
        dismiss.getStyleClass().add("coach-dismiss");
        dismiss.setTooltip(new Tooltip("Dismiss this card"));
        dismiss.setOnAction(e -> model.dismiss(card.id()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, source, gap, dismiss);
        top.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(card.title());
        title.getStyleClass().add("coach-card-title");
        title.setWrapText(true);
        Label reason = new Label(card.reason());
        reason.getStyleClass().add("coach-card-reason");
        reason.setWrapText(true);
        Label suggestion = new Label(card.suggestion());
        suggestion.getStyleClass().add("coach-card-suggestion");
        suggestion.setWrapText(true);
        VBox box = new VBox(6, top, title, reason, suggestion);
        box.setMinWidth(0);
        source.setMinWidth(0);
        if (!card.actions().isEmpty()) {
            VBox buttons = new VBox(6);
            buttons.setFillWidth(true);
            for (CoachAction action : card.actions()) {
                boolean done = card.isApplied(action);
                Button apply = new Button(done ? "Applied ✓  " + action.label() : action.label());
                apply.getStyleClass().add(done ? "coach-applied" : "coach-apply");
                apply.setDisable(done || !model.heldBecause().isEmpty());
                apply.setWrapText(true);
                apply.setMaxWidth(Double.MAX_VALUE);
                apply.setTooltip(new Tooltip(action instanceof GraphChange
                        ? "Changes the network (one undo step)" : "Changes the training settings"));
                apply.setOnAction(e -> model.apply(card.id(), action));
                buttons.getChildren().add(apply);
            }
            box.getChildren().add(buttons);
        }
        box.getStyleClass().addAll("coach-card", "coach-card-" + card.source().toLowerCase(java.util.Locale.ROOT));
        box.setId("coach-card-" + card.id());
        return box;
    }
}
