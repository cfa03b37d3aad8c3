package org.layerloom.engine.train.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.tensor.FloatTensor;

class TrainingEventVisitorTest {

    private static final List<TrainingEvent> ONE_OF_EACH = List.of(
            new RunStarted("r", "cpu", 2, 3, 10, 640, 64, 100, 1, 1),
            new BatchEnded(1, 1, 10, 0.5, 0.9, 0.01, 1000, 1),
            new EpochEnded(1, 0.5, 0.9, 0.6, 0.8, 0.01, 2),
            new CheckpointSaved(1, "checkpoints", true),
            new StateChanged(RunState.PAUSED, 1, 2),
            new LearningRateChanged(1, 2, 0.01, 0.001),
            new RunFinished("r", "runs/r", 3, 2, false, "completed",
                    new TestMetrics(0, 0, 0, List.of(), new double[0], new double[0], new int[0][], 0, 0), 9),
            new RunFailed("the loss became NaN", "", 1, 2),
            new LayerHealthCaptured(1, 2, 2, List.of(), 1),
            new ActivationsCaptured(1, 2, 2, List.of()),
            new DecisionMapCaptured(1, 2, 2, new DecisionMap(new PlaneBounds(-1, 1, -1, 1),
                    new FloatTensor(new int[] {1, 1, 2}, new float[2]), Map.of())),
            new EmbeddingProjected(1, EmbeddingProjection.of("dense", new float[0], new float[0], new int[0], new int[0],
                    new double[2])),
            new OutputNotFinite(1, 1, 0, NotFiniteCause.INPUT, "", "", "", "", "NaN", ""),
            new DataProgress("Reading train.csv", 10, 100),
            new DataLoaded("iris.csv", 100, 20, 28, 0.1, List.of("2 rows were left out."),
                    DataUse.counted("row", 148, List.of(new LeftOut(LeftOutReason.MISSING_VALUE, 2,
                            List.of("iris.csv line 7", "iris.csv line 9"))))),
            new TestProgress(40, 100),
            new StartingWeightsLoaded("net.weights.npz", 4, 1, 0, "Started from the weights in net.weights.npz."),
            new BatchStepped(1, 3, 3, new WeightStep("dense_weight", List.of(0, 1), "sgd", Map.of("momentum", 0.0),
                    0.1, 0.5, 0.2, 0.2, 0, Map.of(), Map.of(), 3, 0.48), 0.7, 0.69, Map.of("dense_weight", List.of(2, 2))));

    @Test
    void every_kind_of_event_has_one_example_here() {
        assertThat(ONE_OF_EACH.stream().map(Object::getClass))
                .containsExactlyInAnyOrder(TrainingEvent.class.getPermittedSubclasses());
    }

    @Test
    void accept_calls_the_one_method_that_takes_the_events_type() {
        for (TrainingEvent event : ONE_OF_EACH) {
            List<Method> called = new ArrayList<>();
            TrainingEventVisitor recording = (TrainingEventVisitor) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {TrainingEventVisitor.class}, (proxy, method, args) -> {
                        called.add(method);
                        assertThat(args).containsExactly(event);
                        return null;
                    });

            event.accept(recording);

            assertThat(called).singleElement()
                    .satisfies(m -> assertThat(m.getParameterTypes()).containsExactly(event.getClass()));
        }
    }

    @Test
    void a_visitor_ignores_the_events_it_does_not_override() {
        List<BatchEnded> batches = new ArrayList<>();
        TrainingEventVisitor onlyBatches = new TrainingEventVisitor() {
            @Override
            public void batchEnded(BatchEnded event) {
                batches.add(event);
            }
        };

        ONE_OF_EACH.forEach(event -> event.accept(onlyBatches));

        assertThat(batches).containsExactly((BatchEnded) ONE_OF_EACH.get(1));
    }

    @Test
    void the_visitor_has_one_method_per_kind_of_event() {
        assertThat(Arrays.stream(TrainingEventVisitor.class.getDeclaredMethods()).map(m -> m.getParameterTypes()[0]))
                .containsExactlyInAnyOrder(TrainingEvent.class.getPermittedSubclasses());
    }
}
