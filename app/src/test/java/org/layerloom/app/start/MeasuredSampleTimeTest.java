package org.layerloom.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.samples.Sample;
import org.layerloom.samples.SampleCatalog;

/** Timing a sample's real training for a few batches on this computer. */
class MeasuredSampleTimeTest {

    private final SampleCatalog catalog = SampleCatalog.standard();

    @Test
    void times_a_few_batches_of_a_sample_and_scales_them_to_its_whole_training() {
        Sample spirals = catalog.byId("spirals").orElseThrow();
        long started = System.nanoTime();

        OptionalDouble minutes = new MeasuredSampleTime(catalog).minutes(spirals, () -> false);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("spirals: %.3f min measured here in %.1f s (catalog: %.1f min on a laptop)%n",
                minutes.orElse(Double.NaN), seconds, spirals.minutesOnLaptop());
        assertThat(minutes).isPresent();
        assertThat(minutes.getAsDouble()).isPositive().isLessThan(60);
        assertThat(seconds).as("a few batches, not the whole training").isLessThan(30);
    }

    @Test
    void short_epochs_are_timed_whole_so_their_validation_and_checkpoint_count() {
        MeasuredSampleTime.BatchClock clock = new MeasuredSampleTime.BatchClock();
        long ms = 1_000_000;
        long now = 0;
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (int batch = 1; batch <= 32; batch++) {
                now += ms; // 1 ms a batch
                clock.record(BatchEnded.builder().setBatch(epoch, batch, 32).setStep(32L * (epoch - 1) + batch)
                        .setLoss(1).setLearningRate(0.01).setSamplesPerSecond(32_000).build(), now);
            }
            now += 250 * ms; // validation and checkpoint: 250 ms
            assertThat(clock.enough()).as("before the end of epoch %d", epoch).isFalse();
            clock.record(new EpochEnded(epoch, 1, 0.5, 1, 0.5, 0.01, 0.3), now);
        }

        assertThat(clock.enough()).isTrue();
        assertThat(clock.secondsPerEpoch()).hasValueCloseTo(0.282, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void long_epochs_are_judged_from_the_timed_batches() {
        MeasuredSampleTime.BatchClock clock = new MeasuredSampleTime.BatchClock();
        long now = 0;
        for (int batch = 1; batch <= 23; batch++) {
            now += 50_000_000; // 50 ms a batch, 900 batches an epoch: 45 s an epoch
            clock.record(BatchEnded.builder().setBatch(1, batch, 900).setStep(batch).setLoss(1).setLearningRate(0.01)
                    .setSamplesPerSecond(1_000).build(), now);
        }

        assertThat(clock.enough()).isTrue();
        assertThat(clock.secondsPerEpoch()).isEmpty();
        assertThat(clock.secondsPerBatch()).hasValueCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_sample_whose_data_is_downloaded_or_a_cancelled_one_keeps_the_catalog_s_figure() {
        Sample downloaded = catalog.samples().stream().filter(Sample::download).findFirst().orElseThrow();
        assertThat(new MeasuredSampleTime(catalog).minutes(downloaded, () -> false)).isEmpty();
        assertThat(new MeasuredSampleTime(catalog).minutes(catalog.byId("spirals").orElseThrow(), () -> true)).isEmpty();
    }
}
