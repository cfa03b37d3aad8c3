package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.graph.TensorShape;

/**
 * A run's {@link RunGuidance} at work, on the run's worker: puts another run's weights into the new network
 * before training, keeps that run's pruned weights (the zeros of its weight matrices, kernels and embeddings, every
 * trainable parameter of two or more dimensions) at zero after every step, and gives each batch a teacher's
 * logits beside its labels with the {@link DistillationLoss} to learn from them. {@link #NONE} changes nothing.
 * Worker thread only; close it to free the teacher's network.
 */
class RunGuide implements AutoCloseable {

    /** An ordinary run's guide. */
    static final RunGuide NONE = new RunGuide();

    private RunGuide() {
    }

    /**
     * Loads the weights to start from into {@code block} (initialised, before the trainer sees it) and opens the
     * teacher, as {@code guidance} says. A resumed run ({@code resuming}) has its weights already: the zeros to
     * hold are those of its restored weights.
     *
     * @throws TrainingSetupException when a run is missing or damaged, or does not fit this network or data
     */
    static RunGuide open(RunGuidance guidance, boolean resuming, GraphBlock block, NDManager manager,
                         TensorShape exampleShape, int classes) throws TrainingSetupException {
        if (guidance.isNone()) {
            return NONE;
        }
        StartWeights start = guidance.startFrom() == null ? null
                : StartWeights.load(guidance.startFrom(), guidance.holdPruned(), !resuming, block, manager);
        Teaching teaching = null;
        try {
            teaching = guidance.teacher() == null ? null
                    : Teaching.open(guidance.teacher(), block, exampleShape, classes);
        } catch (TrainingSetupException | RuntimeException e) {
            if (start != null) {
                start.close();
            }
            throw e;
        }
        return new Guided(start, teaching);
    }

    /** The loss the run minimises: the network's own, or the distillation loss. */
    Loss trainingLoss(Loss own) {
        return own;
    }

    /** What the training loss is given as labels for a batch: its labels, or its labels and the teacher's logits. */
    NDList labels(NDList inputs, NDList labels) {
        return labels;
    }

    /** Called after every optimizer step. */
    void afterStep() {
    }

    /** One sentence for the student (and the run's manifest) on what this run started from and learns from. */
    String summary() {
        return "";
    }

    /** The run folder this run names as its source (the weights' or else the teacher's), or empty. */
    String sourceRunId() {
        return "";
    }

    /** How many weights stay zero after every step (0 when none are held). */
    long heldZeros() {
        return 0;
    }

    /** How many weights the guide took from another run (0 when none). */
    int weightsLoaded() {
        return 0;
    }

    /** What the run's manifest records of its guidance, or null for an ordinary run. */
    java.util.Map<String, Object> manifestSection() {
        return null;
    }

    @Override
    public void close() {
    }

    /** The guide of a run with guidance. */
    private static final class Guided extends RunGuide {
        private final StartWeights start;
        private final Teaching teaching;

        Guided(StartWeights start, Teaching teaching) {
            this.start = start;
            this.teaching = teaching;
        }

        @Override
        Loss trainingLoss(Loss own) {
            return teaching == null ? own : teaching.loss;
        }

        @Override
        NDList labels(NDList inputs, NDList labels) {
            return teaching == null ? labels : teaching.labels(inputs, labels);
        }

        @Override
        void afterStep() {
            if (start != null) {
                start.holdZeros();
            }
        }

        @Override
        String summary() {
            List<String> parts = new ArrayList<>();
            if (start != null) {
                parts.add(start.summary());
            }
            if (teaching != null) {
                parts.add(teaching.summary());
            }
            return String.join(" ", parts);
        }

        @Override
        String sourceRunId() {
            return start != null ? start.runId : teaching.runId;
        }

        @Override
        long heldZeros() {
            return start == null ? 0 : start.heldZeros;
        }

        @Override
        int weightsLoaded() {
            return start == null ? 0 : start.parameterCount;
        }

        @Override
        java.util.Map<String, Object> manifestSection() {
            java.util.Map<String, Object> section = new java.util.LinkedHashMap<>();
            if (start != null) {
                section.put("startedFrom", start.runId);
                section.put("startedFromFolder", start.folder.toString());
                section.put("heldAtZero", start.heldZeros);
            }
            if (teaching != null) {
                section.put("teacher", teaching.runId);
                section.put("teacherFolder", teaching.teacher.dir().toAbsolutePath().toString());
                section.put("temperature", teaching.temperature);
                section.put("alpha", teaching.alpha);
            }
            section.put("summary", summary());
            return section;
        }

        @Override
        public void close() {
            if (start != null) {
                start.close();
            }
            if (teaching != null) {
                teaching.close();
            }
        }
    }

    /** The weights of another run, loaded into the new network, and the masks that hold its zeros. */
    private static final class StartWeights implements AutoCloseable {
        private final String runId;
        private final Path folder;
        private final int parameterCount;
        private final List<Parameter> held = new ArrayList<>();
        private final List<NDArray> masks = new ArrayList<>();
        private long heldZeros;

        private StartWeights(String runId, Path folder, int parameterCount) {
            this.runId = runId;
            this.folder = folder;
            this.parameterCount = parameterCount;
        }

        /** @param load whether to load the run's weights (a resumed run has its own already) */
        static StartWeights load(Path runFolder, boolean holdPruned, boolean load, GraphBlock block,
                                 NDManager manager) throws TrainingSetupException {
            StartWeights start = new StartWeights(runFolder.getFileName().toString(), runFolder.toAbsolutePath(),
                    block.getParameters().size());
            if (load) {
                loadInto(runFolder, block, manager);
            }
            if (holdPruned) {
                for (Pair<String, Parameter> pair : block.getParameters()) {
                    Parameter parameter = pair.getValue();
                    NDArray array = parameter.getArray();
                    if (parameter.requiresGradient() && array.getShape().dimension() >= 2) {
                        // The masks live with the network's arrays, for the whole run.
                        NDArray mask = array.neq(0).toType(array.getDataType(), false);
                        long zeros;
                        try (NDArray kept = mask.sum()) {
                            zeros = array.size() - (long) kept.getFloat();
                        }
                        if (zeros > 0) {
                            start.held.add(parameter);
                            start.masks.add(mask);
                            start.heldZeros += zeros;
                        } else {
                            mask.close();
                        }
                    }
                }
            }
            return start;
        }

        private static void loadInto(Path runFolder, GraphBlock block, NDManager manager)
                throws TrainingSetupException {
            RunFolder folder;
            try {
                folder = RunFolder.open(runFolder);
            } catch (IOException e) {
                throw new TrainingSetupException("This run should start from the weights of " + runFolder
                        + ", but that is not a run LayerLoom can open: " + e.getMessage());
            }
            String which = folder.hasParameters(RunFolder.BEST) ? RunFolder.BEST : RunFolder.LAST;
            try {
                folder.loadParameters(block, manager, which);
            } catch (IOException e) {
                throw new TrainingSetupException("This run should start from the weights of the run " + folder.id()
                        + ", but they do not fit the network as it is now: " + e.getMessage() + " Start from a run"
                        + " of this network, or undo the changes to the network since that run.");
            }
        }

        void holdZeros() {
            for (int i = 0; i < held.size(); i++) {
                held.get(i).getArray().muli(masks.get(i));
            }
        }

        String summary() {
            String text = "Started from the weights of the run " + runId;
            return heldZeros == 0 ? text + "." : text + String.format(Locale.ROOT,
                    "; its %,d pruned weights are held at zero.", heldZeros);
        }

        @Override
        public void close() {
            masks.forEach(NDArray::close);
        }
    }

    /** The teacher run, its network and the loss that makes the student imitate it. */
    private static final class Teaching implements AutoCloseable {
        private final SavedRun teacher;
        private final String runId;
        private final double temperature;
        private final double alpha;
        private final DistillationLoss loss;
        private final ParameterStore store;

        private Teaching(SavedRun teacher, double temperature, double alpha) {
            this.teacher = teacher;
            this.runId = teacher.runId();
            this.temperature = temperature;
            this.alpha = alpha;
            this.loss = new DistillationLoss(temperature, alpha);
            this.store = new ParameterStore(teacher.manager(), false);
        }

        static Teaching open(RunGuidance.Teacher wanted, GraphBlock student, TensorShape exampleShape, int classes)
                throws TrainingSetupException {
            if (student.lossSpec() != LossSpec.SOFTMAX_CROSS_ENTROPY || classes < 2) {
                throw new TrainingSetupException("Learning from a teacher needs a classifier whose output is a"
                        + " softmax over classes; this network has another output. Train it without a teacher.");
            }
            SavedRun teacher;
            try {
                teacher = SavedRun.open(wanted.run());
            } catch (IOException e) {
                throw new TrainingSetupException("The teacher run cannot be opened: " + e.getMessage());
            }
            try {
                if (teacher.block().lossSpec() != LossSpec.SOFTMAX_CROSS_ENTROPY) {
                    throw new TrainingSetupException("The teacher run " + teacher.runId() + " is not a classifier"
                            + " with a softmax output, so there are no class scores to learn from.");
                }
                if (!teacher.exampleShape().equals(exampleShape)) {
                    throw new TrainingSetupException("The teacher run " + teacher.runId() + " reads examples of shape "
                            + teacher.exampleShape().tuple() + ", but this network reads " + exampleShape.tuple()
                            + ". A teacher must have been trained on the same kind of examples.");
                }
                long[] out = teacher.block().getOutputShapes(
                        new ai.djl.ndarray.types.Shape[] {TrainingRun.withBatch(exampleShape)})[0].getShape();
                if (out.length != 2 || out[1] != classes) {
                    throw new TrainingSetupException("The teacher run " + teacher.runId() + " scores "
                            + (out.length == 2 ? out[1] + " classes" : "something other than classes")
                            + ", but this dataset has " + classes + ". A teacher must know the same classes.");
                }
                return new Teaching(teacher, wanted.temperature(), wanted.alpha());
            } catch (TrainingSetupException | RuntimeException e) {
                teacher.close();
                throw e;
            }
        }

        /** The batch's labels and the teacher's logits for its inputs (no gradient flows into the teacher). */
        NDList labels(NDList inputs, NDList labels) {
            NDArray logits = teacher.block().forward(store, inputs, false).head();
            NDArray detached = logits.toType(DataType.FLOAT32, false).stopGradient();
            detached.attach(labels.head().getManager());
            return new NDList(labels.head(), detached);
        }

        String summary() {
            return String.format(Locale.ROOT, "Learning from the teacher run %s: loss = %.2f · T² · KL(teacher ‖"
                    + " student at T = %.3g) + %.2f · cross-entropy.", runId, alpha, temperature, 1 - alpha);
        }

        @Override
        public void close() {
            teacher.close();
        }
    }
}
