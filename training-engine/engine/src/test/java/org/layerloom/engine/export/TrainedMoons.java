package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * A small moons project (2 → 8 ReLU → 2 classes, no dropout, so training is deterministic) trained by the engine
 * on the CPU with one thread, for the tests of the exported {@code train.py}. Test code only; one thread.
 */
final class TrainedMoons {

    private TrainedMoons() {
    }

    static Project project(int samples, TrainingSettings settings) {
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", samples).with("noise", 0.2);
        List<Node> nodes = List.of(GraphBuilder.node("input", LayerKind.INPUT, 0, 0, "shape", new int[] {2}),
                GraphBuilder.node("hidden", LayerKind.DENSE, 0, 0, "units", 8, "activation", "relu"),
                GraphBuilder.node("scores", LayerKind.DENSE, 0, 0, "units", 2),
                GraphBuilder.node("output", LayerKind.OUTPUT, 0, 0));
        return new Project("moons", new NetworkGraph(nodes, GraphBuilder.wires("input", "hidden", "scores", "output")),
                choice, settings);
    }

    /** Trains {@code project} with the engine into {@code runs} and returns the run's folder. */
    static Path train(Project project, Path runs) throws Exception {
        Dataset data = data(project);
        TrainingEvent end = TrainingSession.start(TrainingJob.of(project, data, runs).withThreads(1), e -> { })
                .outcome().get(5, TimeUnit.MINUTES);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        return Path.of(((RunFinished) end).runFolder());
    }

    /** The project's data, split with its seed as training splits it. */
    static Dataset data(Project project) throws Exception {
        TrainingSettings settings = project.training();
        return DatasetRegistry.standard().load(DatasetRequest.of(project.dataset(), Path.of("."),
                settings.seed(), settings.validationSplit()), ProgressListener.none());
    }

    /** The number after {@code "key":} in a JSON text (the first one), or NaN. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*([-+0-9.eEnNaIfity]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1).replace("NaN", "NaN")) : Double.NaN;
    }
}
