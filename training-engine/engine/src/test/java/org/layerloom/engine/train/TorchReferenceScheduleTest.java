package org.layerloom.engine.train;

import static org.layerloom.engine.testing.torch.ReferenceAssert.assertClose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.testing.torch.FixtureNames;
import org.layerloom.engine.testing.torch.TorchFixture;
import org.layerloom.engine.testing.torch.WorstDifferences;

/**
 * The learning rate of every step of each {@link LearningRateSchedule} against its
 * {@code torch.optim.lr_scheduler} counterpart (StepLR stepped per epoch, CosineAnnealingLR and LinearLR
 * per batch), from {@code src/test/python/reference_optimizers.py}.
 */
class TorchReferenceScheduleTest {

    private static final WorstDifferences WORST = new WorstDifferences();

    static List<String> cases() {
        return FixtureNames.in("optimizers", "schedule-");
    }

    @AfterAll
    static void report() {
        WORST.print("Learning-rate schedules");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_step_has_torch_schedulers_rate(String name) {
        String kind = name.split("-")[1];
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchFixture fixture = TorchFixture.load(manager, "optimizers/" + name + ".npz");
            // settings: base, epochs, steps per epoch, step epochs, gamma, warm-up epochs, min rate
            double[] s = fixture.get("settings").toDoubleArray();
            ScheduleSettings settings = new ScheduleSettings(ScheduleKind.valueOf(kind.toUpperCase()), (int) s[3],
                    s[4], (int) s[5], s[6]);
            LearningRateSchedule schedule = new LearningRateSchedule(settings, s[0], (int) s[1], (int) s[2]);
            NDArray expected = fixture.get("rate");
            float[] rates = new float[(int) expected.size()];
            for (int step = 0; step < rates.length; step++) {
                rates[step] = (float) schedule.rateAt(step);
            }
            WORST.record(kind, assertClose(name + " rate per step", manager.create(rates), expected));
        }
    }
}
