package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.WeightStep;
import org.layerloom.engine.train.optimizer.OptimizerState;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * Records a batch trained as a step ({@link RunControl#step()}): the watched weight element through the
 * optimizer's update (value, raw and clipped gradient, the optimizer's state before and after) as a
 * {@link ParameterUpdater.Observer}, and the batch's loss before and after the update from forward passes without
 * gradient. It reads a handful of numbers back from the engine, and only for this batch. When the watch names no
 * trainable parameter, or an index outside it, the first element of the first parameter is recorded. Made for
 * one stepped batch; worker thread only.
 */
final class StepRecorder implements ParameterUpdater.Observer {

    private final StatefulOptimizer optimizer;
    private final String parameter;
    private final long flatIndex;
    private final int[] shape;
    private final Map<String, List<Integer>> parameters;
    private final double rate;
    private final double clip;
    private double valueBefore;
    private double rawGradient;
    private double gradient;
    private double valueAfter;
    private double lossBefore = Double.NaN;
    private double lossAfter = Double.NaN;
    private OptimizerState before;
    private OptimizerState after;

    private StepRecorder(StatefulOptimizer optimizer, String parameter, long flatIndex, int[] shape,
                         Map<String, List<Integer>> parameters, double rate, double clip) {
        this.optimizer = optimizer;
        this.parameter = parameter;
        this.flatIndex = flatIndex;
        this.shape = shape;
        this.parameters = parameters;
        this.rate = rate;
        this.clip = clip;
    }

    /**
     * A recorder of {@code watch} (null: the default) in {@code block}, or null when there is nothing to record (no
     * trainable parameter, or an optimizer that is not one of ours).
     *
     * @param rate the learning rate of this step, as the optimizer will get it
     * @param clip the global gradient norm the updater clips to, 0 for none
     */
    static StepRecorder watching(WeightWatch watch, GraphBlock block, StatefulOptimizer optimizer, double rate,
                                 double clip) {
        Map<String, Shape> shapes = ParameterUpdater.trainableShapes(block);
        if (optimizer == null || shapes.isEmpty()) {
            return null;
        }
        Map<String, List<Integer>> parameters = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> parameters.put(name, dims(shape)));
        String name = shapes.keySet().iterator().next();
        long index = 0;
        if (watch != null && shapes.containsKey(watch.parameter())
                && watch.flatIndex() < shapes.get(watch.parameter()).size()) {
            name = watch.parameter();
            index = watch.flatIndex();
        }
        int[] shape = parameters.get(name).stream().mapToInt(Integer::intValue).toArray();
        return new StepRecorder(optimizer, name, index, shape, parameters, (float) rate, clip);
    }

    /** Measures the loss on {@code data} before the update; call after the backward pass. */
    void lossBefore(Trainer trainer, Loss loss, NDList[] data) {
        lossBefore = loss(trainer, loss, data);
    }

    /** Measures the loss on {@code data} after the update. */
    void lossAfter(Trainer trainer, Loss loss, NDList[] data) {
        lossAfter = loss(trainer, loss, data);
    }

    @Override
    public void gradient(String name, NDArray grad) {
        if (name.equals(parameter)) {
            rawGradient = StatefulOptimizer.element(grad, flatIndex);
        }
    }

    @Override
    public void beforeUpdate(String name, NDArray weight, NDArray grad) {
        if (name.equals(parameter)) {
            valueBefore = StatefulOptimizer.element(weight, flatIndex);
            gradient = StatefulOptimizer.element(grad, flatIndex);
            before = optimizer.stateOf(name, flatIndex);
        }
    }

    @Override
    public void afterUpdate(String name, NDArray weight) {
        if (name.equals(parameter)) {
            valueAfter = StatefulOptimizer.element(weight, flatIndex);
            after = optimizer.stateOf(name, flatIndex);
        }
    }

    /** The event of the recorded step, or null when the watched parameter was not updated. */
    BatchStepped event(int epoch, int batch, long step) {
        if (after == null) {
            return null;
        }
        List<Integer> index = new ArrayList<>();
        for (int i : WeightWatch.coordinates(flatIndex, shape)) {
            index.add(i);
        }
        WeightStep weight = new WeightStep(parameter, index, optimizer.kind(), optimizer.hyperParameters(), rate,
                valueBefore, rawGradient, gradient, clip, before.values(), after.values(), after.updates(),
                valueAfter);
        return new BatchStepped(epoch, batch, step, weight, lossBefore, lossAfter, parameters);
    }

    private static double loss(Trainer trainer, Loss loss, NDList[] data) {
        NDList predictions = trainer.evaluate(data[0]);
        return loss.evaluate(data[1], predictions).getFloat();
    }

    private static List<Integer> dims(Shape shape) {
        List<Integer> dims = new ArrayList<>();
        for (long d : shape.getShape()) {
            dims.add((int) d);
        }
        return dims;
    }
}
