package org.layerloom.app.coach;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.layerloom.engine.train.coach.CoachAction;
import org.layerloom.engine.train.coach.CoachAdvice;
import org.layerloom.engine.train.coach.CoachContext;
import org.layerloom.engine.train.coach.CoachNews;
import org.layerloom.engine.train.coach.CoachSituation;
import org.layerloom.engine.train.coach.CoachWithdrawal;
import org.layerloom.engine.train.coach.ContinueTraining;
import org.layerloom.engine.train.coach.GraphChange;
import org.layerloom.engine.train.coach.HealthActions;
import org.layerloom.engine.train.coach.HealthAdvice;
import org.layerloom.engine.train.coach.HealthCoach;
import org.layerloom.engine.train.coach.HealthSignal;
import org.layerloom.engine.train.coach.Setting;
import org.layerloom.engine.train.coach.SettingChange;
import org.layerloom.engine.train.coach.TrainingCoach;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The coach's cards of the current run: the training coach's advice and the health coach's (one card per
 * health signal per run), newest first. One card per setting: a newer card on a setting replaces the older
 * one, whatever its source; a card the training coach withdraws (followed, replaced or moot) goes away, and
 * applying a setting change removes the other cards on that setting. No action offers a value the setting
 * already has (as the run reports it, or as applied from a card). Dismissing removes a card for good;
 * applying an action hands it to the callbacks (a setting change, or a graph edit for the editor's undo) and
 * marks it applied. A "train longer" card's Continue goes on training the run (when a callback for it is given). A
 * new run (not a resumed one) starts afresh with the context {@code context} gives
 * then. No toolkit needed; one thread (the JavaFX thread in the app).
 */
public final class CoachViewModel {

    private final Supplier<CoachContext> context;
    private final Function<String, String> names;
    private final Consumer<SettingChange> applySetting;
    private final Consumer<GraphChange> applyEdit;
    private final Consumer<ContinueTraining> continueRun;
    private final List<CoachCard> cards = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Set<HealthSignal> healthSeen = EnumSet.noneOf(HealthSignal.class);
    private final Map<CoachSituation, Integer> trainingCards = new EnumMap<>(CoachSituation.class);
    private final Map<Setting, Double> applied = new EnumMap<>(Setting.class);
    private CoachContext current;
    private TrainingCoach coach;
    private HealthCoach healthCoach;
    private double learningRate = Double.NaN;
    private int nextId = 1;
    private int lastEpoch;
    private long lastStep;
    private String heldBecause = "";

    /**
     * @param context      what the coach knows of a run (classes, settings, network), asked for at each new run
     * @param names        the name a student sees for a node id
     * @param applySetting applies a setting change (e.g. to the dashboard's training settings)
     * @param applyEdit    applies a graph change (e.g. {@code editor.perform(c.edit(editor.graph()), c.label())})
     */
    public CoachViewModel(Supplier<CoachContext> context, Function<String, String> names,
                          Consumer<SettingChange> applySetting, Consumer<GraphChange> applyEdit) {
        this(context, names, applySetting, applyEdit, null);
    }

    /**
     * As above, with {@code continueRun} going on training a run that was still improving (its card's Continue
     * button); null offers no such button.
     */
    public CoachViewModel(Supplier<CoachContext> context, Function<String, String> names,
                          Consumer<SettingChange> applySetting, Consumer<GraphChange> applyEdit,
                          Consumer<ContinueTraining> continueRun) {
        this.continueRun = continueRun;
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
        trainingCards.clear();
        applied.clear();
        cards.clear();
        learningRate = current.learningRate();
    }

    /**
     * Holds the cards' buttons while the project open is not the one whose run the cards are about ({@code why}
     * says so, in a sentence the panel shows); an empty {@code why} lets them apply again.
     */
    public void holdActions(String why) {
        String now = why == null ? "" : why;
        if (!now.equals(heldBecause)) {
            heldBecause = now;
            fire();
        }
    }

    /** Why the buttons are held, or empty when they apply. */
    public String heldBecause() {
        return heldBecause;
    }

    /** Removes every card and starts over, as before a first run (another project was opened). */
    public void clear() {
        heldBecause = "";
        restart();
        lastEpoch = 0;
        lastStep = 0;
        fire();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Takes a pulse's worth of training events; tells the listeners once if a card came or went. */
    public void onEvents(List<TrainingEvent> batch) {
        Reader reader = new Reader();
        for (TrainingEvent event : batch) {
            event.accept(reader);
            CoachNews news = coach.observe(event);
            for (CoachWithdrawal withdrawal : news.withdrawn()) {
                Integer id = trainingCards.remove(withdrawal.situation());
                reader.changed |= id != null && cards.removeIf(c -> c.id() == id);
            }
            for (CoachAdvice advice : news.advice()) {
                int id = nextId++;
                trainingCards.put(advice.situation(), id);
                add(new CoachCard(id, "Training", advice.title(), advice.reason(), advice.suggestion(),
                        offered(advice.actions()), advice.epoch(), advice.step(), List.of()));
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
            } else {
                // The run goes on, as the "train longer" card advised: that card has been followed.
                Integer id = trainingCards.remove(CoachSituation.STILL_IMPROVING);
                changed |= id != null && cards.removeIf(c -> c.id() == id);
            }
        }

        @Override
        public void batchEnded(BatchEnded event) {
            learningRate = event.learningRate();
            lastEpoch = event.epoch();
            lastStep = event.step();
        }

        @Override
        public void learningRateChanged(LearningRateChanged event) {
            learningRate = event.to();
            applied.remove(Setting.LEARNING_RATE);
        }

        @Override
        public void layerHealthCaptured(LayerHealthCaptured event) {
            List<HealthAdvice> all = healthCoach.advise(event.layers(), event.step(), current.adaptiveSteps());
            Set<HealthSignal> together = EnumSet.noneOf(HealthSignal.class);
            all.forEach(a -> together.add(a.signal()));
            for (HealthAdvice advice : all) {
                if (healthSeen.add(advice.signal())) {
                    add(new CoachCard(nextId++, "Health", advice.title(), advice.reason(), advice.suggestion(),
                            offered(HealthActions.of(advice, together, learningRate, current)), event.epoch(),
                            event.step(), List.of()));
                    changed = true;
                }
            }
        }
    }

    /** Puts {@code card} first; it replaces the older cards on any of its settings. */
    private void add(CoachCard card) {
        Set<Setting> settings = CoachAdvice.settingsOf(card.actions());
        removeCardsOn(settings, card.id());
        cards.add(0, card);
    }

    private void removeCardsOn(Set<Setting> settings, int except) {
        if (!settings.isEmpty()) {
            cards.removeIf(c -> c.id() != except
                    && CoachAdvice.settingsOf(c.actions()).stream().anyMatch(settings::contains));
        }
    }

    /**
     * The actions a card offers: none that sets a value the setting already has, and "train longer" only when there
     * is a way to continue a run.
     */
    private List<CoachAction> offered(List<CoachAction> actions) {
        List<CoachAction> kept = new ArrayList<>();
        for (CoachAction action : actions) {
            if (action instanceof ContinueTraining && continueRun == null) {
                continue;
            }
            if (action instanceof SettingChange change && alreadySet(change)) {
                continue;
            }
            kept.add(action);
        }
        return kept;
    }

    private boolean alreadySet(SettingChange change) {
        double now = change.setting() == Setting.LEARNING_RATE && !applied.containsKey(Setting.LEARNING_RATE)
                ? learningRate : applied.getOrDefault(change.setting(), Double.NaN);
        return now == change.to() || Math.abs(now - change.to()) <= 1e-9 * Math.abs(change.to());
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

    /** Applies one of a card's actions through the callbacks, once; nothing while the actions are held. */
    public void apply(int id, CoachAction action) {
        if (!heldBecause.isEmpty()) {
            return;
        }
        for (int i = 0; i < cards.size(); i++) {
            CoachCard card = cards.get(i);
            if (card.id() == id && card.actions().contains(action) && !card.isApplied(action)) {
                if (action instanceof SettingChange setting) {
                    applySetting.accept(setting);
                    applied.put(setting.setting(), setting.to());
                } else if (action instanceof GraphChange edit) {
                    applyEdit.accept(edit);
                } else if (action instanceof ContinueTraining more && continueRun != null) {
                    continueRun.accept(more);
                }
                cards.set(i, card.withApplied(action));
                if (action instanceof SettingChange setting) {
                    removeCardsOn(EnumSet.of(setting.setting()), id);
                }
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
