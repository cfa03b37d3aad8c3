package org.layerloom.engine.inspect;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Single examples of the shared test datasets (MNIST, Iris, labelled sentences), read directly from the
 * files so that the explainer tests run on real data. Tests only; any thread.
 */
final class RealExamples {

    private static final Pattern WORD = Pattern.compile("[a-z']+");

    private RealExamples() {
    }

    static Path datasets() {
        return MnistInspectionTest.mnistFolder().getParent();
    }

    /** MNIST test image {@code index} as 784 values in [0, 1], row by row. */
    static float[] mnistImage(int index) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(
                Files.newInputStream(datasets().resolve("mnist/t10k-images-idx3-ubyte.gz"))))) {
            in.skipNBytes(16 + 784L * index);
            float[] pixels = new float[784];
            for (int i = 0; i < 784; i++) {
                pixels[i] = in.readUnsignedByte() / 255f;
            }
            return pixels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Iris row {@code index}: its four measurements. */
    static float[] irisRow(int index) {
        try {
            String[] cells = Files.readAllLines(datasets().resolve("iris/iris.csv")).get(index).split(",");
            return new float[] {Float.parseFloat(cells[0]), Float.parseFloat(cells[1]), Float.parseFloat(cells[2]),
                    Float.parseFloat(cells[3])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of sentence {@code index} of the Amazon reviews, lower case. */
    static List<String> sentence(int index) {
        return words(lines().get(index));
    }

    /**
     * The ids of sentence {@code index}'s first {@code length} words (padded with 0) in a vocabulary of the
     * first {@code vocabulary − 1} distinct words of the file (id 0 is padding and unknown words).
     */
    static int[] sentenceIds(int index, int length, int vocabulary) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String line : lines()) {
            for (String w : words(line)) {
                if (ids.size() < vocabulary - 1) {
                    ids.putIfAbsent(w, ids.size() + 1);
                }
            }
        }
        List<String> words = sentence(index);
        int[] out = new int[length];
        for (int i = 0; i < length && i < words.size(); i++) {
            out[i] = ids.getOrDefault(words.get(i), 0);
        }
        return out;
    }

    private static List<String> lines() {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(datasets().resolve(
                    "sentiment-labelled-sentences/amazon_cells_labelled.txt"), StandardCharsets.UTF_8)) {
                lines.add(line.split("\t")[0]);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(line.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

}
