package org.layerloom.app;

import java.util.function.IntConsumer;
import org.layerloom.app.train.TrainingDashboardViewModel;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.train.coach.CoachContext;
import org.layerloom.engine.train.coach.ContinueTraining;
import org.layerloom.engine.train.coach.GraphChange;
import org.layerloom.engine.train.coach.SettingChange;

/**
 * Carries out the coach's Apply buttons: a new learning rate reaches the running session at once and the
 * project for its next runs; weight decay and batch size change the project's training settings (saved through
 * the {@link ProjectSession}); early stopping turns on in the project's settings; threads change the user's settings; a
 * graph change is one undoable edit in the editor. Also tells the coach what a new run is ({@link #context()}). JavaFX thread.
 */
final class CoachActions {

    private final ProjectSession session;
    private final IntConsumer threads;
    private TrainingDashboardViewModel dashboard;

    CoachActions(ProjectSession session, IntConsumer threads) {
        this.session = session;
        this.threads = threads;
    }

    void useDashboard(TrainingDashboardViewModel model) {
        dashboard = model;
    }

    /** What the coach knows of a run that starts now: the network, its settings and its number of classes. */
    CoachContext context() {
        Project project = session.project();
        return CoachContext.of(project.graph(), project.training(), project.training().patience(),
                classes(project.graph(), session.editor().report()));
    }

    void apply(SettingChange change) {
        switch (change.setting()) {
            case LEARNING_RATE -> {
                if (dashboard != null) {
                    dashboard.applyLearningRate(change.to());
                }
                session.updateSettings(p -> p.withTraining(p.training().withOptimizer(
                        p.training().optimizer().withLearningRate(change.to()))), change.label());
            }
            case WEIGHT_DECAY -> session.updateSettings(p -> p.withTraining(p.training().withOptimizer(
                    withWeightDecay(p.training().optimizer(), change.to()))), change.label());
            case BATCH_SIZE -> session.updateSettings(p -> p.withTraining(p.training().withBatchSize(change.intValue())),
                    change.label());
            case EARLY_STOPPING_PATIENCE -> session.updateSettings(p -> p.withTraining(
                    p.training().withPatience(Math.max(0, change.intValue()))), change.label());
            case THREADS -> threads.accept(change.intValue());
        }
    }

    /** Goes on training the run the card is about (the dashboard's last run when the card names none). */
    void apply(ContinueTraining more) {
        if (dashboard == null) {
            return;
        }
        if (more.runFolder().isBlank()) {
            dashboard.continueTraining(more.moreEpochs());
        } else {
            dashboard.continueRun(java.nio.file.Path.of(more.runFolder()), more.totalEpochs() - more.moreEpochs(),
                    more.moreEpochs());
        }
    }

    void apply(GraphChange change) {
        EditorViewModel model = session.editor();
        NetworkGraph graph = model.document().graph();
        if (change.appliesTo(graph)) {
            model.perform(change.edit(graph), change.label());
        }
    }

    /**
     * The classes a classifier tells apart: the Output's size for softmax cross-entropy, two for a single
     * sigmoid output, 0 for regression or when the shape is not known.
     */
    static int classes(NetworkGraph graph, ValidationReport report) {
        for (Node node : graph.nodesOfKind(LayerKind.OUTPUT)) {
            String loss = node.params().has("loss") ? node.params().choice("loss") : "";
            long size = report.outputOf(node.id()).map(TensorShape::size).orElse(0L);
            if (loss.equals("softmax_cross_entropy")) {
                return (int) size;
            }
            if (loss.equals("sigmoid_binary_cross_entropy")) {
                return 2;
            }
        }
        return 0;
    }

    private static OptimizerSettings withWeightDecay(OptimizerSettings o, double decay) {
        return new OptimizerSettings(o.kind(), o.learningRate(), o.momentum(), o.nesterov(), o.beta1(), o.beta2(),
                o.epsilon(), decay, o.gradientClip());
    }
}
