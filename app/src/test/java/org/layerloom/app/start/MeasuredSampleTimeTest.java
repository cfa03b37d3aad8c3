package org.layerloom.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
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
    void a_sample_whose_data_is_downloaded_or_a_cancelled_one_keeps_the_catalog_s_figure() {
        Sample downloaded = catalog.samples().stream().filter(Sample::download).findFirst().orElseThrow();
        assertThat(new MeasuredSampleTime(catalog).minutes(downloaded, () -> false)).isEmpty();
        assertThat(new MeasuredSampleTime(catalog).minutes(catalog.byId("spirals").orElseThrow(), () -> true)).isEmpty();
    }
}
