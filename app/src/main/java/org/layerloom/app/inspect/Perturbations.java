package org.layerloom.app.inspect;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.inspect.Inspector;
import org.layerloom.engine.inspect.SaliencyMap;
import org.layerloom.engine.inspect.TokenImportance;
import org.layerloom.engine.inspect.perturb.ClassProbe;
import org.layerloom.engine.inspect.perturb.ImageGeometry;
import org.layerloom.engine.inspect.perturb.Lime;
import org.layerloom.engine.inspect.perturb.LimeExplanation;
import org.layerloom.engine.inspect.perturb.LimeFeatures;
import org.layerloom.engine.inspect.perturb.Occlusion;
import org.layerloom.engine.inspect.perturb.OcclusionMap;

/**
 * Computes the perturbation explanations of one input for a run: occlusion with the dataset's mean as fill
 * (images), LIME over grid cells or SLIC regions (images), words (text, hidden as the unknown word) or
 * columns (tables, hidden by their training mean), with a fixed seed, and the sentence comparing them with
 * the gradient methods. Thread: the run's background thread (it runs the network).
 */
final class Perturbations {

    static final long SEED = 1;

    private final Inspector inspector;
    private final RunSummary summary;
    private final float[] means;

    Perturbations(Inspector inspector, RunSummary summary, float[] means) {
        this.inspector = inspector;
        this.summary = summary;
        this.means = means;
    }

    Perturbation explain(float[] input, int classIndex, PerturbSettings settings, Explanation gradients) {
        ClassProbe probe = ClassProbe.of(inspector, classIndex);
        if (summary.readsTokens()) {
            int[] ids = new int[input.length];
            List<String> words = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Math.round(input[i]);
                words.add(summary.tokenWord(ids[i]));
            }
            LimeExplanation lime = new Lime(probe).explain(input, LimeFeatures.words(ids, words), classIndex,
                    settings.samples(), SEED);
            Map<String, String> firsts = new LinkedHashMap<>();
            gradients(gradients).flatMap(Explanation::tokens).ifPresent(t -> firsts.put("The gradient",
                    words.get(topToken(t))));
            firsts.put("LIME", lime.names().get(topAbsolute(lime.weights())));
            return new Perturbation(classIndex, settings, Optional.empty(), Optional.of(lime),
                    Agreement.ofTopInputs(firsts));
        }
        if (!summary.isImage()) {
            LimeExplanation lime = new Lime(probe).explain(input, LimeFeatures.columns(summary.inputNames(), means),
                    classIndex, settings.samples(), SEED);
            Map<String, String> firsts = new LinkedHashMap<>();
            gradients(gradients).flatMap(Explanation::saliency).ifPresent(s -> firsts.put("The gradient",
                    summary.inputName(topAbsolute(s.gradient()))));
            firsts.put("LIME", lime.names().get(topAbsolute(lime.weights())));
            return new Perturbation(classIndex, settings, Optional.empty(), Optional.of(lime),
                    Agreement.ofTopInputs(firsts));
        }
        ImageGeometry geometry = ImageGeometry.of(summary.exampleShape());
        float fill = mean(means);
        int side = Math.min(geometry.height(), geometry.width());
        OcclusionMap occlusion = new Occlusion(probe, geometry).map(input, classIndex, Math.min(settings.patch(), side),
                Math.min(settings.stride(), Math.min(settings.patch(), side)), fill);
        LimeFeatures superpixels = settings.superpixels() == PerturbSettings.Superpixels.SLIC
                ? LimeFeatures.slic(input, geometry, Math.min(settings.regions(), geometry.pixels()), fill)
                : LimeFeatures.grid(geometry, Math.min(settings.superpixel(), side), fill);
        LimeExplanation lime = new Lime(probe).explain(input, superpixels, classIndex, settings.samples(), SEED);
        Map<String, float[]> maps = new LinkedHashMap<>();
        gradients(gradients).flatMap(Explanation::saliency).map(SaliencyMap::heatmap)
                .filter(h -> h.length == geometry.pixels()).ifPresent(h -> maps.put("saliency", h));
        gradients(gradients).flatMap(Explanation::gradCam).map(g -> g.heatmap())
                .filter(h -> h.length == geometry.pixels()).ifPresent(h -> maps.put("Grad-CAM", h));
        maps.put("occlusion", occlusion.heatmap());
        maps.put("LIME", lime.spread(geometry.pixels()));
        return new Perturbation(classIndex, settings, Optional.of(occlusion), Optional.of(lime),
                Agreement.ofMaps(maps));
    }

    /** The gradient explanation when it explains the same class. */
    private static Optional<Explanation> gradients(Explanation gradients) {
        return Optional.ofNullable(gradients);
    }

    private static int topToken(TokenImportance t) {
        return topAbsolute(t.importance());
    }

    private static int topAbsolute(double[] values) {
        float[] narrow = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (float) values[i];
        }
        return topAbsolute(narrow);
    }

    /** The index of the value largest in size (the input that matters most, whichever way it pushes). */
    private static int topAbsolute(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = Math.abs(values[i]) > Math.abs(values[best]) ? i : best;
        }
        return best;
    }

    private static float mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : (float) (sum / values.length);
    }

    /** The mean of every input value over the examples of a real-valued split (per position). */
    static float[] means(Examples examples) {
        int width = examples.exampleSize();
        double[] sum = new double[width];
        FloatBuffer buffer = examples.realFeatures().buffer();
        int n = examples.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                sum[j] += buffer.get(i * width + j);
            }
        }
        float[] means = new float[width];
        for (int j = 0; j < width; j++) {
            means[j] = n == 0 ? 0 : (float) (sum[j] / n);
        }
        return means;
    }

    /** The per-position mean of {@code rows} ({@code width} zeros without rows). */
    static float[] means(float[][] rows, int width) {
        float[] means = new float[width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                means[j] += row[j] / rows.length;
            }
        }
        return means;
    }
}
