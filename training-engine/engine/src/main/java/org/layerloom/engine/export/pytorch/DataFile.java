package org.layerloom.engine.export.pytorch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.data.text.TextEncoding;
import org.layerloom.engine.data.text.Vocabulary;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.NpzWriter;

/**
 * {@code data.npz} for one dataset: the train, validation and test splits exactly as LayerLoom trains and tests on
 * them, as {@code x_train}, {@code y_train}, {@code x_validation}... Features are stored in the smallest form that
 * gives LayerLoom's values back bit for bit: pictures whose every value is a scaled 8-bit pixel as uint8
 * (N, C, H, W) with {@code x_mean} and {@code x_std} (float64 scalars, see {@link PixelScaling}); token ids as int64
 * with {@code vocabulary} (the word of every id, padding and unknown included); anything else as float32. Labels
 * are laid out as the loss wants them, as in training: class indices (int64) for the softmax cross-entropy, a 0/1
 * column (float32) for the sigmoid one, float32 targets for a regression; a classification adds {@code classes},
 * its class names in label order. Immutable; any thread (writing runs on the calling thread).
 */
final class DataFile {

    /** The most bytes of arrays copied into an export by default: MNIST (about 48 MB as bytes) fits. */
    static final long LIMIT_BYTES = 512L << 20;

    private static final String[] SPLITS = {"train", "validation", "test"};

    private final Dataset dataset;
    private final LossSpec loss;
    private final PixelScaling pixels;

    private DataFile(Dataset dataset, LossSpec loss, PixelScaling pixels) {
        this.dataset = dataset;
        this.loss = loss;
        this.pixels = pixels;
    }

    /** The file for {@code dataset}, with its form chosen (this reads every feature once). */
    static DataFile of(Dataset dataset, LossSpec loss) {
        return new DataFile(dataset, loss, PixelScaling.of(dataset).orElse(null));
    }

    /** The scaling that turns the stored bytes back into LayerLoom's floats, when the pictures are stored as bytes. */
    Optional<PixelScaling> pixelScaling() {
        return Optional.ofNullable(pixels);
    }

    /** The bytes the arrays take in {@code data.npz} (before compression). */
    long bytes() {
        long total = 0;
        for (Examples part : parts()) {
            long values = (long) part.size() * part.exampleSize();
            int width = part.features() instanceof TokenFeatures ? Long.BYTES : pixels != null ? 1 : Float.BYTES;
            total += values * width;
            total += part.labels() instanceof RegressionTargets targets
                    ? (long) part.size() * targets.targetSize() * Float.BYTES : (long) part.size() * Long.BYTES;
        }
        return total + dataset.textEncoding().map(e -> (long) NpyArray.strings("vocabulary", words(e)).data().length)
                .orElse(0L);
    }

    /** Writes the arrays to {@code file}. */
    void write(Path file) throws IOException {
        List<NpyArray> arrays = new ArrayList<>();
        Examples[] parts = parts();
        for (int i = 0; i < parts.length; i++) {
            arrays.add(features("x_" + SPLITS[i], parts[i]));
            arrays.add(labels("y_" + SPLITS[i], parts[i], loss));
        }
        if (pixels != null) {
            arrays.add(NpyArray.doubles("x_mean", new long[0], new double[] {pixels.mean()}));
            arrays.add(NpyArray.doubles("x_std", new long[0], new double[] {pixels.std()}));
        }
        dataset.textEncoding().ifPresent(encoding -> arrays.add(NpyArray.strings("vocabulary", words(encoding))));
        if (!dataset.classNames().isEmpty()) {
            arrays.add(NpyArray.strings("classes", dataset.classNames()));
        }
        NpzWriter.write(file, arrays);
    }

    /** What the README says about the file. */
    String describe() {
        StringBuilder text = new StringBuilder("`data.npz` holds " + dataset.name() + ": "
                + dataset.train().size() + " training, " + dataset.validation().size() + " validation and "
                + dataset.test().size() + " test examples, split with the project's seed and prepared as LayerLoom"
                + " trains on them.");
        if (pixels != null) {
            text.append(" The pictures are stored as their 8-bit pixels (`x_train`... are uint8, examples ×"
                    + " channels × height × width) with `x_mean` and `x_std`; `train.py` turns them into exactly"
                    + " the floats LayerLoom trains on: `(x / 255 - x_mean) / x_std` computed in float64 and rounded to float32"
                    + " (mean ").append(pixels.mean()).append(", standard deviation ").append(pixels.std())
                    .append(pixels.equals(PixelScaling.PLAIN) ? ": the pixels scaled to [0, 1])." : ").");
        } else if (dataset.textEncoding().isPresent()) {
            text.append(" The texts are token ids (int64); `vocabulary` gives the word of each id (0 is `")
                    .append(Vocabulary.PAD).append("`, the padding, and 1 `").append(Vocabulary.OOV)
                    .append("`, any word not in the vocabulary).");
        } else {
            text.append(" The inputs are float32, normalised as in LayerLoom.");
        }
        if (!dataset.classNames().isEmpty()) {
            text.append(" `classes` names the classes in the order of the labels.");
        }
        text.append(" Read it with `numpy.load(\"data.npz\", allow_pickle=False)`.");
        return text.toString();
    }

    private Examples[] parts() {
        return new Examples[] {dataset.train(), dataset.validation(), dataset.test()};
    }

    /** The word of every token id, {@code 0 .. size - 1}, as LayerLoom's encoding names it. */
    static List<String> words(TextEncoding encoding) {
        List<String> words = new ArrayList<>(encoding.vocabulary().size());
        for (int id = 0; id < encoding.vocabulary().size(); id++) {
            words.add(encoding.word(id));
        }
        return words;
    }

    private NpyArray features(String name, Examples part) {
        long[] shape = new long[part.exampleShape().rank() + 1];
        shape[0] = part.size();
        for (int i = 0; i < part.exampleShape().rank(); i++) {
            shape[i + 1] = part.exampleShape().dim(i);
        }
        if (part.features() instanceof TokenFeatures tokens) {
            int[] ids = tokens.toArray();
            long[] values = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                values[i] = ids[i];
            }
            return NpyArray.longs(name, shape, values);
        }
        if (pixels != null) {
            return NpyArray.bytes(name, shape, pixels.bytes(part.realFeatures()));
        }
        return NpyArray.floats(name, shape, part.realFeatures().toArray());
    }

    private static NpyArray labels(String name, Examples part, LossSpec loss) {
        int n = part.size();
        if (part.labels() instanceof ClassLabels classes) {
            int[] indices = classes.toArray();
            if (loss == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY) {
                float[] column = new float[n];
                for (int i = 0; i < n; i++) {
                    column[i] = indices[i];
                }
                return NpyArray.floats(name, new long[] {n, 1}, column);
            }
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = indices[i];
            }
            return NpyArray.longs(name, new long[] {n}, values);
        }
        RegressionTargets targets = (RegressionTargets) part.labels();
        return NpyArray.floats(name, new long[] {n, targets.targetSize()}, targets.toArray());
    }
}
