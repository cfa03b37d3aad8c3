package org.layerloom.engine.train.coach;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.history.RunFiles;

/**
 * Still improving when the epochs ran out: the run trained all its epochs (it was not stopped), its best
 * epoch is one of the last two, and the validation loss (the training loss when there is no validation
 * split) fell by more than {@value #GAIN} over the last {@value #SPAN} epochs. Advice: continue training
 * from the last checkpoint for as many epochs again (at least {@value #MIN_MORE}, at most {@value #MAX_MORE}),
 * as {@link ContinueTraining}; the text says how on the command line. Judged only at the run's end.
 * Stateless; any thread.
 */
final class StillImprovingRule implements CoachRule {

    static final int SPAN = 3;
    static final double GAIN = 0.01;
    static final int MIN_MORE = 5;
    static final int MAX_MORE = 100;

    @Override
    public CoachSituation situation() {
        return CoachSituation.STILL_IMPROVING;
    }

    @Override
    public int warmUpBatches() {
        return 0;
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        return Optional.empty();
    }

    @Override
    public Optional<CoachAdvice> atEnd(RunFinished finished, MetricHistory history, CoachContext context) {
        List<EpochEnded> epochs = history.epochs();
        int e = epochs.size();
        if (finished.stoppedEarly() || e < 2) {
            return Optional.empty();
        }
        boolean validation = epochs.stream().allMatch(x -> Double.isFinite(x.validationLoss()));
        String what = validation ? "validation loss" : "training loss";
        EpochEnded last = epochs.get(e - 1);
        EpochEnded before = epochs.get(Math.max(0, e - 1 - SPAN));
        double now = loss(last, validation);
        double then = loss(before, validation);
        double best = epochs.stream().mapToDouble(x -> loss(x, validation)).min().orElse(now);
        boolean bestAtTheEnd = Math.min(now, loss(epochs.get(e - 2), validation)) <= best;
        if (!Double.isFinite(now) || !bestAtTheEnd || !(now < (1 - GAIN) * then)) {
            return Optional.empty();
        }
        int done = finished.epochsDone();
        int more = Math.max(MIN_MORE, Math.min(MAX_MORE, done));
        int total = done + more;
        long step = history.lastBatch().map(b -> b.step()).orElse(0L);
        String command = commandLine(finished.runFolder(), total);
        return Optional.of(new CoachAdvice(CoachSituation.STILL_IMPROVING, "Still improving: train longer",
                "The " + what + " fell from " + Numbers.significant(then) + " (epoch " + before.epoch() + ") to "
                        + Numbers.significant(now) + " (epoch " + last.epoch() + ") when the " + done
                        + " epochs ran out.",
                "Continue this run for " + more + " more epochs from its last checkpoint, optimizer state"
                        + " included. On the command line: " + command + ".",
                List.of(new ContinueTraining(more, total, finished.runFolder())), last.epoch(), step));
    }

    /** "layerloom train --resume RUN --epochs N PROJECT", with the real paths, quoted where they hold spaces. */
    static String commandLine(String runFolder, int totalEpochs) {
        if (runFolder.isBlank()) {
            return "layerloom train --resume RUN_FOLDER --epochs " + totalEpochs + " PROJECT.loom";
        }
        Path run = Path.of(runFolder);
        String project = RunFiles.projectFileOf(run).map(Path::toString).orElse("PROJECT.loom");
        return "layerloom train --resume " + quoted(run.toString()) + " --epochs " + totalEpochs + " "
                + quoted(project);
    }

    private static String quoted(String path) {
        return path.chars().anyMatch(Character::isWhitespace) ? "\"" + path + "\"" : path;
    }

    private static double loss(EpochEnded epoch, boolean validation) {
        return validation ? epoch.validationLoss() : epoch.trainLoss();
    }
}
