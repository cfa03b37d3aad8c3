package org.layerloom.app.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.layerloom.charts.histogram.HistogramFrame;
import org.layerloom.charts.histogram.LineSeries;
import org.layerloom.editor.model.GradientScale;
import org.layerloom.editor.model.NodeHealthMark;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.ActivationsCaptured;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.NodeActivation;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;
import org.layerloom.engine.train.event.WeightHistogram;

/**
 * What the health view and the graph overlay show of a run: the health captures in order, a scrubber
 * position over them (following the newest unless the student moved it back), the table rows of the chosen
 * capture, every trainable layer's gradient norm and update ratio over time, weight histograms over time,
 * and for the overlay the chosen capture's gradient norms, dead/saturated shares and the activation previews
 * taken with it (or just before). A new run (not a resumed one) starts afresh. No toolkit needed; call it on
 * one thread (the JavaFX thread in the app).
 */
public final class HealthViewModel {

    private final Function<String, String> names;
    private final List<HealthCapture> captures = new ArrayList<>();
    private final TreeMap<Long, ActivationsCaptured> previews = new TreeMap<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private int selected = -1;
    private boolean followLatest = true;

    /** @param names the name a student sees for a node id (e.g. from the editor's graph) */
    public HealthViewModel(Function<String, String> names) {
        this.names = names;
    }

    /** Called after every change (new captures, another capture chosen). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Takes a pulse's worth of training events; tells the listeners once if anything changed. */
    public void onEvents(List<TrainingEvent> batch) {
        Reader reader = new Reader();
        batch.forEach(event -> event.accept(reader));
        if (followLatest && !captures.isEmpty()) {
            selected = captures.size() - 1;
        }
        if (reader.changed) {
            fire();
        }
    }

    /**
     * Forgets every capture (another project is open): the Training health tab shows no run and the editor's
     * overlay (fed from this model) clears.
     */
    public void clear() {
        boolean had = !captures.isEmpty() || !previews.isEmpty();
        captures.clear();
        previews.clear();
        selected = -1;
        followLatest = true;
        if (had) {
            fire();
        }
    }

    /** Reads one pulse's events; notes whether anything changed. */
    private final class Reader implements TrainingEventVisitor {
        boolean changed;

        @Override
        public void runStarted(RunStarted event) {
            if (!event.isResumed()) {
                captures.clear();
                previews.clear();
                selected = -1;
                followLatest = true;
                changed = true;
            }
        }

        @Override
        public void layerHealthCaptured(LayerHealthCaptured event) {
            captures.add(new HealthCapture(event.epoch(), event.batch(), event.step(), event.layers()));
            changed = true;
        }

        @Override
        public void activationsCaptured(ActivationsCaptured event) {
            previews.put(event.step(), event);
            changed = true;
        }
    }

    private void fire() {
        for (Runnable listener : List.copyOf(listeners)) {
            listener.run();
        }
    }

    public int captureCount() {
        return captures.size();
    }

    /** The chosen capture, -1 while there is none. */
    public int selectedIndex() {
        return selected;
    }

    /** Chooses a capture; choosing the newest follows the run again. */
    public void select(int index) {
        if (captures.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(captures.size() - 1, index));
        followLatest = clamped == captures.size() - 1;
        if (clamped != selected) {
            selected = clamped;
            fire();
        }
    }

    public boolean followsLatest() {
        return followLatest;
    }

    private Optional<HealthCapture> current() {
        return selected < 0 ? Optional.empty() : Optional.of(captures.get(selected));
    }

    /** "Epoch 2, batch 40 (step 124)", or a hint while nothing is recorded. */
    public String selectedLabel() {
        return current().map(HealthCapture::label)
                .orElse("No health captures yet: train with health inspection on.");
    }

    /** The step of the chosen capture (NaN while there is none), for the charts' marker. */
    public double selectedStep() {
        return current().map(c -> (double) c.step()).orElse(Double.NaN);
    }

    public String name(String nodeId) {
        return names.apply(nodeId);
    }

    /** The table rows of the chosen capture, in running order. */
    public List<LayerRow> rows() {
        return current().map(c -> c.layers().stream().map(l -> new LayerRow(l.nodeId(), names.apply(l.nodeId()),
                l.kind(), l.activation(), l.activationMean(), l.activationStd(), l.deadFraction(),
                l.saturatedFraction(), l.gradientNorm(), l.updateRatio())).toList()).orElse(List.of());
    }

    /** The ids of the layers with parameters, in running order (from the newest capture). */
    public List<String> trainableNodeIds() {
        if (captures.isEmpty()) {
            return List.of();
        }
        return captures.get(captures.size() - 1).layers().stream().filter(LayerHealth::hasParameters)
                .map(LayerHealth::nodeId).toList();
    }

    /** Every trainable layer's gradient norm by step. */
    public List<LineSeries> gradientLines() {
        return lines(LayerHealth::gradientNorm);
    }

    /** Every trainable layer's update-to-parameter ratio by step. */
    public List<LineSeries> updateRatioLines() {
        return lines(LayerHealth::updateRatio);
    }

    private List<LineSeries> lines(ToDoubleFunction<LayerHealth> value) {
        List<LineSeries> lines = new ArrayList<>();
        for (String id : trainableNodeIds()) {
            double[] x = new double[captures.size()];
            double[] y = new double[captures.size()];
            for (int i = 0; i < captures.size(); i++) {
                x[i] = captures.get(i).step();
                y[i] = find(captures.get(i), id).map(value::applyAsDouble).orElse(Double.NaN);
            }
            lines.add(new LineSeries(names.apply(id), x, y));
        }
        return lines;
    }

    private static Optional<LayerHealth> find(HealthCapture capture, String nodeId) {
        return capture.layers().stream().filter(l -> l.nodeId().equals(nodeId)).findFirst();
    }

    /** {@code nodeId}'s weight histograms, one per capture (labelled by step). */
    public List<HistogramFrame> histogram(String nodeId) {
        List<HistogramFrame> frames = new ArrayList<>();
        for (HealthCapture capture : captures) {
            find(capture, nodeId).map(LayerHealth::weights).filter(h -> h.counts().length > 0).ifPresent(h ->
                    frames.add(frame(capture, h)));
        }
        return frames;
    }

    private static HistogramFrame frame(HealthCapture capture, WeightHistogram h) {
        return new HistogramFrame(Long.toString(capture.step()), capture.step(), h.min(), h.max(), h.counts());
    }

    /** The chosen capture's gradient norms of the layers with parameters. */
    public Map<String, Double> gradientNorms() {
        Map<String, Double> norms = new LinkedHashMap<>();
        current().ifPresent(c -> c.layers().stream().filter(LayerHealth::hasParameters)
                .forEach(l -> norms.put(l.nodeId(), l.gradientNorm())));
        return norms;
    }

    /** The chosen capture's dead and saturated shares, for the layers they apply to. */
    public Map<String, NodeHealthMark> healthMarks() {
        Map<String, NodeHealthMark> marks = new LinkedHashMap<>();
        current().ifPresent(c -> c.layers().forEach(l -> {
            NodeHealthMark mark = new NodeHealthMark(l.deadFraction(), l.saturatedFraction());
            if (mark.applies()) {
                marks.put(l.nodeId(), mark);
            }
        }));
        return marks;
    }

    /**
     * The activation previews taken with the chosen capture (or the last ones before it), by node: those of
     * 1 to 3 axes with values, as the graph draws them.
     */
    public Map<String, FloatTensor> previews() {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        current().map(c -> previews.floorEntry(c.step())).ifPresent(entry -> {
            for (NodeActivation node : entry.getValue().nodes()) {
                FloatTensor preview = node.output();
                if (preview.size() > 0 && preview.rank() >= 1 && preview.rank() <= 3) {
                    out.put(node.nodeId(), preview);
                }
            }
        });
        return out;
    }

    /** One colour scale for every capture of the run, so colours compare while scrubbing. */
    public GradientScale gradientScale() {
        List<Double> all = new ArrayList<>();
        for (HealthCapture capture : captures) {
            capture.layers().stream().filter(LayerHealth::hasParameters).forEach(l -> all.add(l.gradientNorm()));
        }
        return GradientScale.over(all);
    }

    /**
     * One sentence about the chosen capture's gradient flow: how the first trainable layer's gradient norm
     * compares with the largest, e.g. "Gradients vanish: the first layer, Dense 1, gets a gradient (its learning
     * signal) 2,300 times weaker than Dense 6's, so the first layers barely learn."
     */
    public String headline() {
        List<LayerHealth> trainable = current().map(c -> c.layers().stream().filter(LayerHealth::hasParameters)
                .toList()).orElse(List.of());
        if (trainable.size() < 2) {
            return "";
        }
        LayerHealth first = trainable.get(0);
        LayerHealth largest = trainable.stream().max(java.util.Comparator.comparingDouble(LayerHealth::gradientNorm))
                .orElseThrow();
        if (!(first.gradientNorm() > 0) || first == largest) {
            return "Gradients reach the first layer, " + names.apply(first.nodeId()) + ", at full strength.";
        }
        double ratio = largest.gradientNorm() / first.gradientNorm();
        String firstName = names.apply(first.nodeId());
        String largestName = names.apply(largest.nodeId());
        if (ratio < 2) {
            return "Gradients flow well: the first layer, " + firstName + ", gets about as strong a gradient as "
                    + largestName + ", the layer with the strongest.";
        }
        String times = String.format(Locale.ROOT, "%,.0f", ratio);
        if (ratio >= 100) {
            return "Gradients vanish: the first layer, " + firstName + ", gets a gradient (its learning signal) "
                    + times + " times weaker than " + largestName + "'s, so the first layers barely learn.";
        }
        return "Gradients flow: the first layer, " + firstName + ", gets a gradient " + times + " times weaker than "
                + largestName + "'s, the strongest; enough to learn.";
    }
}
