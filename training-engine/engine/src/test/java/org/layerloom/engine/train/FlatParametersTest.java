package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * Updating every parameter at once ({@link FlatParameters}, {@link StatefulOptimizer#updateAll}) computes
 * exactly what updating them one by one computes: the same weights to the last bit and the same saved
 * optimizer state, byte for byte, for every optimizer, with weight decay, weight averaging and clipping, and
 * after the state was saved and loaded into a new run.
 */
class FlatParametersTest {

    private static final int BATCHES = 12;
    private static final int BATCH = 16;

    static Stream<OptimizerSettings> optimizers() {
        return Stream.of(OptimizerSettings.adam(0.01),
                new OptimizerSettings(OptimizerKind.ADAMW, 0.01, 0, false, 0.9, 0.99, 1e-6, 0.05, 0),
                new OptimizerSettings(OptimizerKind.ADAM, 0.01, 0, false, 0.8, 0.99, 1e-7, 0.01, 0.5),
                new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.9, true, 0, 0, 0, 0.001, 0),
                new OptimizerSettings(OptimizerKind.RMSPROP, 0.01, 0, false, 0, 0.9, 1e-8, 0, 0),
                new OptimizerSettings(OptimizerKind.ADAGRAD, 0.05, 0, false, 0, 0, 1e-10, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void updating_all_parameters_at_once_equals_updating_them_one_by_one(OptimizerSettings settings)
            throws IOException {
        ai.djl.engine.Engine.getInstance();
        try (Run flat = new Run(settings, true);
             Run oneByOne = new Run(settings, false)) {
            assertThat(flat.updater.updatesAllAtOnce()).isTrue();
            assertThat(oneByOne.updater).isNull();
            for (int b = 0; b < BATCHES; b++) {
                flat.train(b);
                oneByOne.train(b);
            }
            assertThat(flat.weights()).isEqualTo(oneByOne.weights());
            assertThat(flat.state()).isEqualTo(oneByOne.state());
            String first = flat.names()[0];
            assertThat(flat.optimizer.stateOf(first, 3)).isEqualTo(oneByOne.optimizer.stateOf(first, 3));

            // A resumed run: the saved state loaded into new optimizers goes on exactly alike.
            byte[] saved = flat.state();
            flat.restart(saved);
            oneByOne.restart(saved);
            for (int b = BATCHES; b < BATCHES + 4; b++) {
                flat.train(b);
                oneByOne.train(b);
            }
            assertThat(flat.weights()).isEqualTo(oneByOne.weights());
            assertThat(flat.state()).isEqualTo(oneByOne.state());
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void the_weight_average_is_kept_per_parameter_as_before(OptimizerSettings settings) throws IOException {
        ai.djl.engine.Engine.getInstance();
        try (Run flat = new Run(settings, true, 0.9);
             Run oneByOne = new Run(settings, false, 0.9)) {
            for (int b = 0; b < 6; b++) {
                flat.train(b);
                oneByOne.train(b);
            }
            for (String name : flat.names()) {
                assertThat(flat.optimizer.averagedWeights(name).toFloatArray())
                        .isEqualTo(oneByOne.optimizer.averagedWeights(name).toFloatArray());
            }
            assertThat(flat.state()).isEqualTo(oneByOne.state());
        }
    }

    @Test
    void weights_written_between_steps_with_set_are_kept_and_bound_again() throws IOException {
        ai.djl.engine.Engine.getInstance();
        OptimizerSettings adam = OptimizerSettings.adam(0.01);
        try (Run flat = new Run(adam, true);
             Run oneByOne = new Run(adam, false)) {
            for (int b = 0; b < 6; b++) {
                flat.train(b);
                oneByOne.train(b);
                // As TorchStateDict.load writes weights (a pruning mask after every fine-tuning step does).
                flat.halveFirstWeightWithSet();
                oneByOne.halveFirstWeightWithSet();
            }
            assertThat(flat.updater.updatesAllAtOnce()).isTrue();
            assertThat(flat.weights()).isEqualTo(oneByOne.weights());
            assertThat(flat.state()).isEqualTo(oneByOne.state());
        }
    }

    /** A small MLP (2 hidden layers, 6 parameter tensors) with its optimizer; flat or one parameter at a time. */
    private static final class Run implements AutoCloseable {
        final Model model;
        final GraphBlock block;
        final Trainer trainer;
        final OptimizerSettings settings;
        final double average;
        StatefulOptimizer optimizer;
        ParameterUpdater updater;
        final boolean flat;

        Run(OptimizerSettings settings, boolean flat) {
            this(settings, flat, 0);
        }

        Run(OptimizerSettings settings, boolean flat, double average) {
            this.settings = settings;
            this.flat = flat;
            this.average = average;
            EngineSeed.set(7);
            block = GraphCompiler.standard().compile(TrainingFixtures.mlp(new int[] {12}, 9, 2, 3));
            model = Model.newInstance("flat");
            model.setBlock(block);
            optimizer = newOptimizer();
            trainer = model.newTrainer(new DefaultTrainingConfig(block.lossSpec().newLoss()).optOptimizer(optimizer)
                    .optDevices(new Device[] {Device.cpu()}));
            trainer.initialize(new Shape(1, 12));
            updater = flat ? new ParameterUpdater(trainer, block, optimizer, settings.gradientClip()) : null;
        }

        StatefulOptimizer newOptimizer() {
            ScheduleTracker tracker = new ScheduleTracker(new LearningRateSchedule(ScheduleSettings.fixed(),
                    settings.learningRate(), 2, 10));
            StatefulOptimizer made = OptimizerFactory.create(settings, tracker);
            return average > 0 ? made.averageWeights(average) : made;
        }

        String[] names() {
            return ParameterUpdater.trainable(block).keySet().toArray(String[]::new);
        }

        /** One batch of fixed random examples (drawn by batch number), then the update. */
        void train(int batch) {
            NDManager manager = trainer.getManager();
            try (NDManager scope = manager.newSubManager()) {
                java.util.Random random = new java.util.Random(batch);
                float[] x = new float[BATCH * 12];
                long[] y = new long[BATCH];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) random.nextGaussian();
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = random.nextInt(3);
                }
                NDArray features = scope.create(x, new Shape(BATCH, 12));
                NDArray labels = scope.create(y);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), trainer.forward(new NDList(features)));
                    collector.backward(loss);
                }
                if (flat) {
                    updater.step(scope);
                    return;
                }
                Map<String, Parameter> trainable = ParameterUpdater.trainable(block);
                NDArray[] grads = trainable.values().stream().map(p -> p.getArray().getGradient()).toArray(NDArray[]::new);
                for (NDArray grad : grads) {
                    grad.attach(scope);
                }
                if (settings.gradientClip() > 0) {
                    GradientClipping.clipGlobalNorm(grads, (float) settings.gradientClip(), scope);
                }
                int i = 0;
                for (Map.Entry<String, Parameter> entry : trainable.entrySet()) {
                    optimizer.update(entry.getKey(), entry.getValue().getArray(), grads[i++]);
                }
            }
        }

        /** The first parameter's values halved, written with {@code NDArray.set(Buffer)}. */
        void halveFirstWeightWithSet() {
            NDArray first = ParameterUpdater.trainable(block).values().iterator().next().getArray();
            float[] values = first.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                values[i] *= 0.5f;
            }
            first.set(java.nio.FloatBuffer.wrap(values));
        }

        float[][] weights() {
            return ParameterUpdater.trainable(block).values().stream()
                    .map(p -> p.getArray().toType(DataType.FLOAT32, true).toFloatArray()).toArray(float[][]::new);
        }

        byte[] state() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            optimizer.saveState(new DataOutputStream(bytes));
            return bytes.toByteArray();
        }

        /** A new optimizer (and updater) that starts from {@code saved}, as a resumed run does. */
        void restart(byte[] saved) throws IOException {
            optimizer.close();
            optimizer = newOptimizer();
            optimizer.loadState(new DataInputStream(new ByteArrayInputStream(saved)), model.getNDManager(),
                    ParameterUpdater.trainableShapes(block));
            if (flat) {
                updater = new ParameterUpdater(trainer, block, optimizer, settings.gradientClip());
            }
        }

        @Override
        public void close() {
            optimizer.close();
            trainer.close();
            model.close();
        }
    }
}
