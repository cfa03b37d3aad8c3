package org.layerloom.app.coach;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.layerloom.engine.train.coach.CoachAction;
import org.layerloom.engine.train.coach.CoachAdvice;
import org.layerloom.engine.train.coach.CoachContext;
import org.layerloom.engine.train.coach.GraphChange;
import org.layerloom.engine.train.coach.HealthActions;
import org.layerloom.engine.train.coach.HealthAdvice;
import org.layerloom.engine.train.coach.HealthCoach;
import org.layerloom.engine.train.coach.HealthSignal;
import org.layerloom.engine.train.coach.SettingChange;
import org.layerloom.engine.train.coach.TrainingCoach;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The coach's cards of the current run: the training coach's advice and the health coach's (one card per
 * health signal per run), newest first; dismissing removes a card for good, applying an action hands it to
 * the callbacks (a setting change, or a graph edit for the editor's undo) and marks it applied. A new run
 * (not a resumed one) starts afresh with the context {@code context} gives then. No toolkit needed; one
 * thread (the JavaFX thread in the app).
 */
public final class CoachViewModel {

    private final Supplier<CoachContext> context;
    private final Function<String, String> names;
    private final Consumer<SettingChange> applySetting;
    private final Consumer<GraphChange> applyEdit;
    private final List<CoachCard> cards = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Set<HealthSignal> healthSeen = EnumSet.noneOf(HealthSignal.class);
    private CoachContext current;
    private TrainingCoach coach;
    private HealthCoach healthCoach;
    private double learningRate = Double.NaN;
    private int nextId = 1;
    private int lastEpoch;
    private long lastStep;

    /**
     * @param context      what the coach knows of a run (classes, settings, network), asked for at each new run
     * @param names        the name a student sees for a node id
     * @param applySetting applies a setting change (e.g. to the dashboard's training settings)
     * @param applyEdit    applies a graph change (e.g. {@code editor.perform(c.edit(editor.graph()), c.label())})
     */
    public CoachViewModel(Supplier<CoachContext> context, Function<String, String> names,
                          Consumer<SettingChange> applySetting, Consumer<GraphChange> applyEdit) {
        this.context = context;
        this.names = names;
        this.applySetting = applySetting;
        this.applyEdit = applyEdit;
        restart();
    }

    private void restart() {
        current = context.get();
        coach = new TrainingCoach(current);
        healthCoach = new HealthCoach(names);
        healthSeen.clear();
        cards.clear();
        learningRate = current.learningRate();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Takes a pulse's worth of training events; tells the listeners once if a card came or went. */
    public void onEvents(List<TrainingEvent> batch) {
        Reader reader = new Reader();
        for (TrainingEvent event : batch) {
            event.accept(reader);
            for (CoachAdvice advice : coach.observe(event)) {
                add(new CoachCard(nextId++, "Training", advice.title(), advice.reason(), advice.suggestion(),
                        advice.actions(), advice.epoch(), advice.step(), List.of()));
                reader.changed = true;
            }
        }
        if (reader.changed) {
            fire();
        }
    }

    /** Reads one pulse's events before the training coach sees them; notes whether a card came or went. */
    private final class Reader implements TrainingEventVisitor {
        boolean changed;

        @Override
        public void runStarted(RunStarted event) {
            if (!event.isResumed()) {
                restart();
                changed = true;
            }
        }

        @Override
        public void batchEnded(BatchEnded event) {
            learningRate = event.learningRate();
            lastEpoch = event.epoch();
            lastStep = event.step();
        }

        @Override
        public void layerHealthCaptured(LayerHealthCaptured event) {
            List<HealthAdvice> all = healthCoach.advise(event.layers());
            Set<HealthSignal> together = EnumSet.noneOf(HealthSignal.class);
            all.forEach(a -> together.add(a.signal()));
            for (HealthAdvice advice : all) {
                if (healthSeen.add(advice.signal())) {
                    add(new CoachCard(nextId++, "Health", advice.title(), advice.reason(), advice.suggestion(),
                            HealthActions.of(advice, together, learningRate, current), event.epoch(), event.step(),
                            List.of()));
                    changed = true;
                }
            }
        }
    }

    private void add(CoachCard card) {
        cards.add(0, card);
    }

    private void fire() {
        for (Runnable listener : List.copyOf(listeners)) {
            listener.run();
        }
    }

    /** The cards, newest first. */
    public List<CoachCard> cards() {
        return List.copyOf(cards);
    }

    public Optional<CoachCard> card(int id) {
        return cards.stream().filter(c -> c.id() == id).findFirst();
    }

    /** Removes a card; it does not come back in this run. */
    public void dismiss(int id) {
        if (cards.removeIf(c -> c.id() == id)) {
            fire();
        }
    }

    /** Applies one of a card's actions through the callbacks, once. */
    public void apply(int id, CoachAction action) {
        for (int i = 0; i < cards.size(); i++) {
            CoachCard card = cards.get(i);
            if (card.id() == id && card.actions().contains(action) && !card.isApplied(action)) {
                if (action instanceof SettingChange setting) {
                    applySetting.accept(setting);
                } else if (action instanceof GraphChange edit) {
                    applyEdit.accept(edit);
                }
                cards.set(i, card.withApplied(action));
                fire();
                return;
            }
        }
    }

    /** Where the run was at the last batch seen ("epoch 2, step 130"), for the panel's header. */
    public String progress() {
        return lastStep == 0 ? "" : "epoch " + lastEpoch + ", step " + lastStep;
    }
}
