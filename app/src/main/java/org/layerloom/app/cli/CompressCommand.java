package org.layerloom.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerloom.engine.compress.CompressibleRun;
import org.layerloom.engine.compress.CompressionStudy;
import org.layerloom.engine.compress.Pruning;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.train.RunData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code layerloom compress RUN_DIR [--prune 50,80,90,95] [--per-layer] [--fine-tune] [--int8] [--float16] [--save]}:
 * measures smaller variants of a saved run on its whole test split and prints a table. One instance per run,
 * on the main thread.
 */
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = {"Makes a saved run's network smaller and measures it on the run's test split: magnitude"
                + " pruning of the weights (not biases) at each --prune percentage, optionally fine-tuned with the"
                + " pruned weights held at zero; int8 (weights symmetric per output channel, every layer's output"
                + " 8-bit with ranges from 200 training examples); float16. With --save every variant is saved as"
                + " a run beside the original, so it can be inspected, compared and exported."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "2:the run or its data could not be read, or the command line was wrong"})
final class CompressCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder (in NAME.runs).")
    private Path runFolder;

    @Option(names = "--prune", split = ",", paramLabel = "PERCENT",
            description = "Percentages of the weights to prune, 0 to 95, e.g. 50,80,90,95.")
    private List<Double> prune = List.of();

    @Option(names = "--per-layer", description = "Prune the same share of each layer (default: one global threshold).")
    private boolean perLayer;

    @Option(names = "--fine-tune", paramLabel = "EPOCHS", arity = "0..1", fallbackValue = "1", defaultValue = "0",
            description = "After pruning, train this many epochs (1 when no number is given) with the mask held.")
    private int fineTune;

    @Option(names = "--fine-tune-rate", paramLabel = "RATE",
            description = "The fine-tuning learning rate (default: the run's own).")
    private double fineTuneRate = Double.NaN;

    @Option(names = "--fine-tune-examples", paramLabel = "N", defaultValue = "0",
            description = "Fine-tune on the first N training examples only (default: all of them).")
    private int fineTuneExamples;

    @Option(names = "--test-examples", paramLabel = "N", defaultValue = "0",
            description = "Measure on the first N test examples only, a fixed subset (default: the whole test split).")
    private int testExamples;

    @Option(names = "--int8", description = "Measure the int8 network.")
    private boolean int8;

    @Option(names = "--float16", description = "Measure the network with float16 weights.")
    private boolean float16;

    @Option(names = "--save", description = "Save every variant as a run beside the original.")
    private boolean save;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The folder the run's dataset files are in now, when they have moved.")
    private Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (double p : prune) {
            if (!(p >= 0 && p <= Pruning.MAX_FRACTION * 100)) {
                err.println("--prune takes percentages from 0 to 95, not " + p + ".");
                err.flush();
                return ExitCodes.UNUSABLE_INPUT;
            }
        }
        try (CompressibleRun run = CompressibleRun.open(runFolder)) {
            RunData recorded = RunData.of(run.run());
            RunData.Outcome loaded = (data == null ? recorded : recorded.relocatedTo(data)).load(ProgressListener.none());
            if (!loaded.isLoaded()) {
                err.println(loaded.message());
                err.flush();
                return ExitCodes.UNUSABLE_INPUT;
            }
            Dataset dataset = subset(loaded.dataset());
            CompressionStudy study = new CompressionStudy(run, dataset, save);
            out.printf(Locale.ROOT, "Run %s, %d test examples: original accuracy %.2f %%, %d parameters%n",
                    run.run().runId(), dataset.test().size(), 100 * study.originalAccuracy(),
                    run.originalWeights().stream().mapToLong(w -> w.values().length).sum());
            out.flush();
            if (!prune.isEmpty()) {
                out.println(fineTune > 0 ? "pruned   non-zero parameters   accuracy   after fine-tuning " + fineTune
                        + " epoch(s)" : "pruned   non-zero parameters   accuracy");
                for (double p : prune) {
                    CompressionStudy.PruneRow row = study.prune(p / 100, perLayer ? Pruning.Scope.PER_LAYER
                            : Pruning.Scope.GLOBAL, fineTune, fineTuneRate);
                    out.printf(Locale.ROOT, "%5.0f %%   %8d of %-8d   %6.2f %%%s%n", p, row.nonZero(), row.parameters(),
                            100 * row.accuracy(), fineTune > 0 ? String.format(Locale.ROOT, "   %6.2f %%",
                                    100 * row.tunedAccuracy()) : "");
                    row.savedRun().ifPresent(f -> out.println("         saved as run " + f.getFileName()));
                    row.savedTunedRun().ifPresent(f -> out.println("         fine-tuned saved as run " + f.getFileName()));
                    out.flush();
                }
            }
            if (int8) {
                print(out, study.int8());
            }
            if (float16) {
                print(out, study.float16());
            }
            return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
    }

    private Dataset subset(Dataset full) {
        Examples train = fineTuneExamples > 0 ? full.train().first(fineTuneExamples) : full.train();
        Examples test = testExamples > 0 ? full.test().first(testExamples) : full.test();
        return new Dataset(full.name(), full.description(), full.task(), full.exampleShape(),
                new Splits(train, full.validation(), test));
    }

    private static void print(PrintWriter out, CompressionStudy.QuantRow row) {
        out.printf(Locale.ROOT, "%s: accuracy %.2f %%, %d bytes (float32: %d bytes, %.1fx smaller)%n", row.kind(),
                100 * row.accuracy(), row.bytes(), row.float32Bytes(), (double) row.float32Bytes() / row.bytes());
        row.largestErrorByLayer().forEach((layer, error) -> out.printf(Locale.ROOT,
                "    largest weight error in %s: %.3g%n", layer, error));
        row.savedRun().ifPresent(f -> out.println("    saved as run " + f.getFileName()));
        out.flush();
    }
}
