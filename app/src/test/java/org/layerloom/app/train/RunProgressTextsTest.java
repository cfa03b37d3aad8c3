package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TestProgress;

/** The progress line through a run's test and through a run that trains until it is stopped. */
class RunProgressTextsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_test_shows_its_progress_and_no_stale_time_left() {
        RunProgressTexts texts = new RunProgressTexts();
        texts.started(RunStarted.builder().setRunId("r").setEpochs(2, 10).build(), 0);
        texts.batchEnded(BatchEnded.builder().setBatch(2, 10, 10).setStep(20).setLoss(0.5).setLearningRate(0.01)
                .setSamplesPerSecond(1_000).build());
        texts.tick(60 * SECOND);

        texts.testing(new TestProgress(0, 10_000));
        assertThat(texts.epochTextProperty().get()).isEqualTo("Testing the kept network");
        assertThat(texts.etaTextProperty().get()).isEqualTo("testing");
        texts.testing(new TestProgress(4_000, 10_000));
        texts.tick(70 * SECOND);

        assertThat(texts.batchTextProperty().get()).isEqualTo("4,000 of 10,000 test examples");
        assertThat(texts.etaTextProperty().get()).isEqualTo("40 % tested");
        assertThat(texts.fractionProperty().get()).isEqualTo(0.4);
        texts.testing(new TestProgress(10_000, 10_000));
        texts.done();
        assertThat(texts.etaTextProperty().get()).isEqualTo("done");
        assertThat(texts.epochTextProperty().get()).as("no 'Testing' once the result is shown")
                .isEqualTo("Epoch 2 of 2");
        assertThat(texts.batchTextProperty().get()).isEqualTo("tested on 10,000 examples");
        assertThat(texts.fractionProperty().get()).as("the training's share, back from the test's").isEqualTo(1.0);
    }

    @Test
    void a_run_until_stopped_counts_epochs_without_an_end() {
        RunProgressTexts texts = new RunProgressTexts();
        texts.started(RunStarted.builder().setRunId("r").setEpochs(2, 10).optUntilStopped(true).build(), 0);
        texts.batchEnded(BatchEnded.builder().setBatch(7, 3, 10).setStep(63).setLoss(0.5).setLearningRate(0.01)
                .setSamplesPerSecond(1_000).build());
        texts.tick(60 * SECOND);

        assertThat(texts.epochTextProperty().get()).isEqualTo("Epoch 7, until you stop it");
        assertThat(texts.etaTextProperty().get()).isEqualTo("until you stop it");
        assertThat(texts.fractionProperty().get()).as("indeterminate").isNegative();
    }
}
