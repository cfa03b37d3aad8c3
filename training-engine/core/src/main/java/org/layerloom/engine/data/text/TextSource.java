package org.layerloom.engine.data.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.DataFiles;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.LeftOutTally;
import org.layerloom.engine.data.LoadReport;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.data.Splitting;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.text.Numbers;

/**
 * Labelled texts for Embedding models (id "text"): a CSV/TSV of (text, label) rows or a folder with one
 * sub-folder of .txt files per class ("path"; "test-path" for separate test data, else "test-ratio", default
 * 0.2, stratified). Each text is lower-cased ("lowercase", default true), split into words, mapped to ids of a
 * vocabulary built from the training split ("vocabulary": at most this many ids, default 10,000, id 0 padding,
 * id 1 unknown words) and padded or cut to "length" ids (default 32; "padding" at the "start", the default,
 * or the "end"). Columns: "text", "label" (defaults: the longest column, the last other one). A folder of
 * tables without class folders (UCI's "sentiment labelled sentences") is read file by file and joined.
 * Stateless; any thread.
 */
public final class TextSource implements DatasetSource {

    private static final List<String> OPTIONS = List.of("path", "test-path", "test-ratio", "text", "label", "length",
            "padding",
            "vocabulary", "lowercase", "bad-rows");
    private static final int SAMPLES = 10;

    @Override
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetOptions options = request.options();
        options.requireKnown("Text", OPTIONS);
        ProgressMeter meter = new ProgressMeter(progress, 2);
        int length = options.integer("length", 32, 1, 2000);
        int maxVocabulary = options.integer("vocabulary", 10_000, 3, 1_000_000);
        Tokenizer tokenizer = new Tokenizer(options.flag("lowercase", true));
        double testRatio = options.number("test-ratio", 0.2, 0, 0.9);
        boolean skipBad = options.choice("bad-rows", "error", List.of("error", "skip")).equals("skip");
        String textColumn = options.text("text").orElse(null);
        String labelColumn = options.text("label").orElse(null);

        Path path = DataFiles.require(request, "path", "A text dataset", "the texts (a CSV/TSV file or a folder of"
                + " class folders)");
        LabelledTexts all = read(path, textColumn, labelColumn, skipBad, null);
        if (all.classNames().size() < 2) {
            throw DatasetException.inFile(path, "The texts in " + path + " have only one label ("
                    + String.join(", ", all.classNames()) + "). A classifier needs at least two.", null);
        }
        meter.advance("Reading " + path.getFileName(), 1);
        List<String> notes = new ArrayList<>(all.notes());
        LeftOutTally leftOut = new LeftOutTally();
        leftOut.addAll(all.leftOut());
        boolean counted = all.counted();
        ClassLabels labels = ClassLabels.copyOf(all.labels(), all.classNames().size());

        List<String> trainTexts;
        int[] trainLabels;
        int[] validation;
        List<String> testTexts;
        int[] testLabels;
        if (options.text("test-path").isPresent()) {
            Path testPath = DataFiles.require(request, "test-path", "A text dataset", "the test texts");
            LabelledTexts test = read(testPath, textColumn, labelColumn, skipBad, all.classNames());
            notes.addAll(test.notes());
            leftOut.addAll(test.leftOut());
            counted &= test.counted();
            Splits order = Splitting.withTest(indexExamples(labels), indexExamples(ClassLabels.copyOf(test.labels(),
                    all.classNames().size())), request);
            int[] train = indices(order.train());
            validation = indices(order.validation());
            trainTexts = pick(all.texts(), train);
            trainLabels = pickLabels(all.labels(), train);
            testTexts = test.texts();
            testLabels = test.labels();
        } else {
            Splitting.SplitIndices split = Splitting.indicesByRatio(labels, testRatio, request);
            validation = split.validation();
            trainTexts = pick(all.texts(), split.train());
            trainLabels = pickLabels(all.labels(), split.train());
            testTexts = pick(all.texts(), split.test());
            testLabels = pickLabels(all.labels(), split.test());
        }
        List<List<String>> trainTokens = trainTexts.stream().map(tokenizer::tokens).toList();
        Vocabulary vocabulary = Vocabulary.build(trainTokens, maxVocabulary);
        boolean padStart = options.choice("padding", "start", List.of("start", "end")).equals("start");
        TextEncoding encoding = new TextEncoding(tokenizer, vocabulary, length, padStart);
        Encoded train = encode(trainTokens, encoding);
        Encoded val = encode(pick(all.texts(), validation).stream().map(tokenizer::tokens).toList(), encoding);
        Encoded test = encode(testTexts.stream().map(tokenizer::tokens).toList(), encoding);
        meter.advance("Building the vocabulary", 1);

        int classes = all.classNames().size();
        TensorShape shape = TensorShape.tokens(length);
        Splits splits = new Splits(
                Examples.of(TokenFeatures.copyOf(train.ids()), shape, ClassLabels.copyOf(trainLabels, classes)),
                Examples.of(TokenFeatures.copyOf(val.ids()), shape, ClassLabels.copyOf(pickLabels(all.labels(),
                        validation), classes)),
                Examples.of(TokenFeatures.copyOf(test.ids()), shape, ClassLabels.copyOf(testLabels, classes)));
        int cut = train.cut() + val.cut() + test.cut();
        int total = splits.totalSize();
        if (cut > 0) {
            notes.add(String.format(Locale.ROOT, "%,d of %,d texts are longer than %d words and were cut to that "
                    + "length (option 'length').", cut, total, length));
        }
        if (vocabulary.distinctWordsSeen() + 2 > vocabulary.wordsKept()) {
            notes.add(String.format(Locale.ROOT, "The training texts use %,d different words; the %,d most frequent "
                    + "are in the vocabulary, the rest become %s (option 'vocabulary').",
                    vocabulary.distinctWordsSeen(), vocabulary.wordsKept() - 2, Vocabulary.OOV));
        }
        if (test.words() > 0) {
            notes.add(Numbers.percent((double) test.unknown() / test.words(), 1)
                    + " of the words in the test texts are not in the vocabulary.");
        }
        List<LoadReport.TextSample> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLES, trainTexts.size()); i++) {
            samples.add(new LoadReport.TextSample(trainTexts.get(i), all.classNames().get(trainLabels[i])));
        }
        LoadReport report = LoadReport.ofNotes(notes).withTexts(samples);
        if (counted) {
            // Every text read, before a training limit cut the training split.
            int read = all.texts().size() + (options.text("test-path").isPresent() ? testTexts.size() : 0);
            report = report.withUse(DataUse.counted("text", read, leftOut.entries()));
        }
        String name = path.getFileName().toString();
        String description = String.format(Locale.ROOT, "Texts from %s in %d classes (%s), as %d word ids each "
                + "from a vocabulary of %,d (0 is padding, 1 an unknown word). Feed them to an Embedding with "
                + "vocabulary %,d.", name, classes, String.join(", ", all.classNames()), length, vocabulary.size(),
                vocabulary.size());
        return new Dataset(name, description, DatasetTask.classification(all.classNames()), shape, splits, report)
                .withTextEncoding(encoding);
    }

    private static LabelledTexts read(Path path, String text, String label, boolean skipBad, List<String> classes)
            throws DatasetException {
        if (!Files.isDirectory(path)) {
            return TextReaders.fromTable(path, text, label, skipBad, classes);
        }
        return TextReaders.subFolders(path).isEmpty() ? TextReaders.fromTables(path, text, label, skipBad, classes)
                : TextReaders.fromFolders(path, classes);
    }

    /** Token ids of the texts, and counts of cut texts, words and unknown words. */
    private record Encoded(int[] ids, int cut, long words, long unknown) {
    }

    /**
     * Token ids, {@code length} per text: a longer text keeps its first words; a shorter one is padded with
     * id 0 at the start ({@code padStart}, so a recurrent layer's last step sees the last word) or the end.
     */
    private static Encoded encode(List<List<String>> texts, TextEncoding encoding) {
        int length = encoding.length();
        int[] ids = new int[texts.size() * length];
        int cut = 0;
        long words = 0;
        long unknown = 0;
        for (int i = 0; i < texts.size(); i++) {
            List<String> tokens = texts.get(i);
            cut += tokens.size() > length ? 1 : 0;
            words += tokens.size();
            unknown += encoding.encodeInto(tokens, ids, i * length);
        }
        return new Encoded(ids, cut, words, unknown);
    }

    private static Examples indexExamples(ClassLabels labels) {
        float[] index = new float[labels.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return Examples.of(org.layerloom.engine.data.RealFeatures.copyOf(index), TensorShape.of(1), labels);
    }

    private static int[] indices(Examples part) {
        float[] v = part.realFeatures().toArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static List<String> pick(List<String> texts, int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(texts.get(i));
        }
        return out;
    }

    private static int[] pickLabels(int[] labels, int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[indices[k]];
        }
        return out;
    }
}
