package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The training coach of one run: reads the run's events in order, keeps their metric sequences and, after
 * every batch and epoch, asks each warmed-up rule whether its situation holds (and, at the run's end, the
 * rules about the finished model). It never contradicts itself:
 * <ul>
 * <li>each situation is advised once per run; after the learning rate is changed the loss situations
 * (diverging, oscillating, early plateau) are watched afresh on the batches that follow, each after its
 * warm-up;</li>
 * <li>a card on a setting is followed by no other card on that setting for a cooldown of
 * {@value #COOLDOWN_BATCHES} batches (two epochs when those are longer), runaway losses excepted; a newer card
 * on a setting withdraws the older one ({@link CoachWithdrawal.Why#REPLACED});</li>
 * <li>when the learning rate changes, the cards about it are withdrawn: followed when it moved the way they
 * advised, moot otherwise; a card whose situation no longer holds is withdrawn as moot;</li>
 * <li>no action offers a value the setting already has.</li>
 * </ul>
 * Create one per run. Single thread (whoever feeds the events, e.g. the JavaFX thread once per pulse).
 */
public final class TrainingCoach {

    static final int COOLDOWN_BATCHES = 100;

    private static final Set<CoachSituation> LOSS_SITUATIONS = EnumSet.of(CoachSituation.DIVERGING,
            CoachSituation.OSCILLATING, CoachSituation.EARLY_PLATEAU);

    private final CoachContext context;
    private final MetricHistory history = new MetricHistory();
    private final List<CoachRule> rules = List.of(new DivergenceRule(), new OscillationRule(), new PlateauRule(),
            new OverfittingRule(), new NearChanceRule(), new SlowRunRule(), new StillImprovingRule());
    private final Set<CoachSituation> fired = EnumSet.noneOf(CoachSituation.class);
    private final Map<CoachSituation, CoachAdvice> live = new EnumMap<>(CoachSituation.class);
    private final Map<Setting, Long> lastCardOn = new EnumMap<>(Setting.class);

    public TrainingCoach(CoachContext context) {
        this.context = context;
    }

    /** What {@code event} gives rise to: cards withdrawn and new cards (usually nothing). */
    public CoachNews observe(TrainingEvent event) {
        history.record(event);
        List<CoachWithdrawal> withdrawn = new ArrayList<>();
        List<CoachAdvice> advice = new ArrayList<>();
        event.accept(new TrainingEventVisitor() {
            @Override
            public void learningRateChanged(LearningRateChanged change) {
                rateChanged(change, withdrawn);
            }

            @Override
            public void runFinished(RunFinished finished) {
                judgeTheEnd(finished, withdrawn, advice);
            }

            @Override
            public void batchEnded(BatchEnded batch) {
                judgeProgress(withdrawn, advice);
            }

            @Override
            public void epochEnded(EpochEnded epoch) {
                judgeProgress(withdrawn, advice);
            }
        });
        return withdrawn.isEmpty() && advice.isEmpty() ? CoachNews.none() : new CoachNews(withdrawn, advice);
    }

    private void judgeTheEnd(RunFinished finished, List<CoachWithdrawal> withdrawn, List<CoachAdvice> advice) {
        for (CoachRule rule : rules) {
            if (!fired.contains(rule.situation())) {
                rule.atEnd(finished, history, context).ifPresent(a -> offer(rule, a, withdrawn, advice));
            }
        }
    }

    private void judgeProgress(List<CoachWithdrawal> withdrawn, List<CoachAdvice> advice) {
        withdrawMoot(withdrawn);
        for (CoachRule rule : rules) {
            if (!fired.contains(rule.situation()) && !blocked(rule.situation()) && rule.warmedUp(history)) {
                rule.check(history, context).ifPresent(a -> offer(rule, a, withdrawn, advice));
            }
        }
    }

    /** What a batch of events gives rise to, in order. */
    public CoachNews observeAll(List<? extends TrainingEvent> events) {
        CoachNews news = CoachNews.none();
        for (TrainingEvent event : events) {
            news = news.and(observe(event));
        }
        return news;
    }

    /** The situations advised so far (and not re-armed). */
    public Set<CoachSituation> fired() {
        return fired.isEmpty() ? EnumSet.noneOf(CoachSituation.class) : EnumSet.copyOf(fired);
    }

    /** The advice given and not withdrawn, by situation. */
    public Map<CoachSituation, CoachAdvice> live() {
        return Map.copyOf(live);
    }

    private void offer(CoachRule rule, CoachAdvice proposed, List<CoachWithdrawal> withdrawn,
                       List<CoachAdvice> advice) {
        CoachAdvice card = withoutValuesAlreadySet(proposed);
        Set<Setting> settings = card.settings();
        if (!rule.urgent() && settings.stream().anyMatch(s -> coolingDown(s, card.step()))) {
            return;
        }
        for (CoachAdvice older : List.copyOf(live.values())) {
            if (older.situation() != card.situation() && older.settings().stream().anyMatch(settings::contains)) {
                withdraw(older.situation(), CoachWithdrawal.Why.REPLACED, withdrawn);
            }
        }
        fired.add(card.situation());
        live.put(card.situation(), card);
        settings.forEach(s -> lastCardOn.put(s, card.step()));
        advice.add(card);
    }

    private boolean coolingDown(Setting setting, long step) {
        Long last = lastCardOn.get(setting);
        if (last == null) {
            return false;
        }
        int perEpoch = history.lastBatch().map(BatchEnded::batchesInEpoch).orElse(0);
        return step - last < Math.max(COOLDOWN_BATCHES, 2L * perEpoch);
    }

    /** The advice without the setting changes to the value the setting already has. */
    private CoachAdvice withoutValuesAlreadySet(CoachAdvice advice) {
        List<CoachAction> kept = new ArrayList<>();
        for (CoachAction action : advice.actions()) {
            if (!(action instanceof SettingChange change) || !same(change.to(), current(change.setting()))) {
                kept.add(action);
            }
        }
        return kept.size() == advice.actions().size() ? advice : advice.withActions(kept);
    }

    private double current(Setting setting) {
        return switch (setting) {
            case LEARNING_RATE -> history.lastBatch().map(BatchEnded::learningRate).orElse(context.learningRate());
            case WEIGHT_DECAY -> context.weightDecay();
            case BATCH_SIZE -> context.batchSize();
            case EARLY_STOPPING_PATIENCE -> context.patience();
            case THREADS -> history.started().map(s -> (double) s.threads()).orElse(Double.NaN);
        };
    }

    static boolean same(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    private void rateChanged(LearningRateChanged change, List<CoachWithdrawal> withdrawn) {
        for (CoachAdvice advice : List.copyOf(live.values())) {
            Optional<SettingChange> rate = advice.actions().stream().filter(a -> a instanceof SettingChange s
                    && s.setting() == Setting.LEARNING_RATE).map(a -> (SettingChange) a).findFirst();
            rate.ifPresent(r -> withdraw(advice.situation(), Math.signum(change.to() - change.from())
                    == Math.signum(r.to() - r.from()) ? CoachWithdrawal.Why.FOLLOWED : CoachWithdrawal.Why.MOOT,
                    withdrawn));
        }
        fired.removeAll(LOSS_SITUATIONS);
        lastCardOn.remove(Setting.LEARNING_RATE);
    }

    private void withdrawMoot(List<CoachWithdrawal> withdrawn) {
        for (CoachRule rule : rules) {
            CoachAdvice advice = live.get(rule.situation());
            if (advice != null && rule.moot(advice, history, context)) {
                withdraw(rule.situation(), CoachWithdrawal.Why.MOOT, withdrawn);
            }
        }
    }

    private void withdraw(CoachSituation situation, CoachWithdrawal.Why why, List<CoachWithdrawal> withdrawn) {
        if (live.remove(situation) != null) {
            withdrawn.add(new CoachWithdrawal(situation, why));
        }
    }

    /** A stalled loss after a runaway one is the runaway's doing: raising the rate would be wrong. */
    private boolean blocked(CoachSituation situation) {
        return situation == CoachSituation.EARLY_PLATEAU
                && (fired.contains(CoachSituation.DIVERGING) || fired.contains(CoachSituation.OSCILLATING));
    }
}
