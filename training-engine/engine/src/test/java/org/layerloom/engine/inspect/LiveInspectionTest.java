package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

class LiveInspectionTest {

    @TempDir
    Path runs;

    private Dataset moons() throws Exception {
        return DatasetRegistry.standard().load(DatasetRequest.of(DatasetChoice.of("moons"), runs, 3, 0.2),
                ProgressListener.none());
    }

    private Project project(int epochs) {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 32,
                epochs, 0.2, 3, DeviceChoice.CPU);
        return new Project("moons", GraphBuilder.chainOf(new int[] {2}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 8, "activation", "tanh"),
                GraphBuilder.layer(LayerKind.DENSE, "units", 2, "activation", "none")), DatasetChoice.of("moons"),
                settings);
    }

    @Test
    void a_2d_run_sends_decision_maps_at_each_capture_and_an_embedding_per_epoch() throws Exception {
        Dataset moons = moons();
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingJob job = TrainingJob.of(project(2), moons, runs).withThreads(1)
                .withInspection(new InspectionSettings(5, true, 8, 10, false, 20, 50));
        TrainingEvent end = TrainingSession.start(job, events::add).outcome().get(2, TimeUnit.MINUTES);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);

        List<DecisionMapCaptured> maps = events.stream().filter(DecisionMapCaptured.class::isInstance)
                .map(DecisionMapCaptured.class::cast).toList();
        long captures = events.stream().filter(LayerHealthCaptured.class::isInstance).count();
        assertThat(maps).hasSize((int) captures).isNotEmpty();
        DecisionMapCaptured last = maps.get(maps.size() - 1);
        DecisionMap map = last.map();
        assertThat(map.width()).isEqualTo(20);
        assertThat(map.height()).isEqualTo(20);
        assertThat(map.probabilities().size()).isEqualTo(20 * 20 * 2);
        assertThat(map.bounds().xMax()).isGreaterThan(map.bounds().xMin());
        assertThat(map.unitMaps()).containsOnlyKeys(job.project().graph().nodesOfKind(LayerKind.DENSE).get(0).id());
        assertThat(map.unitMap(map.unitMaps().keySet().iterator().next(), 7)).hasSize(400);
        List<EmbeddingProjected> embeddings = events.stream().filter(EmbeddingProjected.class::isInstance)
                .map(EmbeddingProjected.class::cast).toList();
        assertThat(embeddings).extracting(EmbeddingProjected::epoch).containsExactly(1, 2);
        assertThat(embeddings.get(0).projection().x()).hasSize(50);
        assertThat(embeddings.get(0).projection().indices()).isSorted();
        assertThat(events.stream().filter(LayerHealthCaptured.class::isInstance).findFirst().orElseThrow())
                .isInstanceOfSatisfying(LayerHealthCaptured.class,
                        h -> assertThat(h.layers().get(0).saturatedFraction()).isBetween(0.0, 1.0));
    }

    @Test
    void without_inspection_no_inspection_events_are_sent() throws Exception {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingEvent end = TrainingSession.start(TrainingJob.of(project(1), moons(), runs).withThreads(1), events::add)
                .outcome().get(2, TimeUnit.MINUTES);
        assertThat(end).isInstanceOf(RunFinished.class);
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.type())
                .isNotIn("health", "activations", "decision_map", "embedding"));
        assertThat(events.stream().filter(BatchEnded.class::isInstance)).isNotEmpty();
    }
}
