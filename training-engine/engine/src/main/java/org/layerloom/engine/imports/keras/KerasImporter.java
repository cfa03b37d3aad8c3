package org.layerloom.engine.imports.keras;

import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Imports a Keras model file into LayerLoom: a Keras 3 {@code .keras} archive, a legacy Keras 2 {@code .h5}
 * file, a Keras model JSON ({@code model.to_json()}, structure only) or a TensorFlow.js {@code model.json} with
 * its weight files. The format is recognised by the file's first bytes. The result holds the validated graph,
 * the weights under PyTorch {@code state_dict} names, notes on the translation, and the suggested training;
 * or the problems that stopped the import. Never throws: a damaged or unsupported file gives problems.
 * Stateless; call it off the JavaFX thread (it reads the whole file).
 */
public final class KerasImporter {

    private static final long MAX_BYTES = 1L << 30;
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private KerasImporter() {
    }

    /** Reads and translates {@code file}. */
    public static KerasImport read(Path file) {
        ImportLog log = new ImportLog();
        try {
            if (!Files.isRegularFile(file)) {
                throw new KerasFormatException("There is no file " + file.getFileName() + ".");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new KerasFormatException("The file is larger than 1 GiB, too large for a network LayerLoom"
                        + " can train.");
            }
            KerasModel model = readModel(Files.readAllBytes(file), file);
            return translate(model, log);
        } catch (KerasFormatException e) {
            log.problem(e.getMessage());
        } catch (HdfException e) {
            log.problem("The HDF5 data (the .h5 file, or the weights in the .keras file) is damaged or was not"
                    + " written by Keras, so it cannot be read ("
                    + e.getMessage() + ").");
        } catch (IOException e) {
            log.problem("The file could not be read (" + e.getMessage() + ").");
        } catch (RuntimeException | StackOverflowError e) {
            log.problem("The file could not be read as a Keras model (" + e + ").");
        }
        return KerasImport.failed(log.notes(), log.problems());
    }

    private static KerasModel readModel(byte[] bytes, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            throw new KerasFormatException("The file " + file.getFileName() + " is empty.");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            return KerasArchiveReader.read(bytes);
        }
        if (isHdf5(bytes)) {
            return LegacyH5Reader.read(bytes);
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).strip();
        if (start.startsWith("{")) {
            return ModelJsonReader.read(bytes, file);
        }
        if (name.endsWith(".keras")) {
            throw new KerasFormatException("The file " + file.getFileName() + " is not a zip archive, so it is no"
                    + " .keras file (or it was damaged while copying).");
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            throw new KerasFormatException("The file " + file.getFileName() + " is not an HDF5 file, so it is no"
                    + " Keras .h5 file (or it was damaged while copying).");
        }
        throw new KerasFormatException("The file " + file.getFileName() + " is neither a .keras archive, an .h5"
                + " file nor a model JSON.");
    }

    /** The HDF5 signature at offset 0 or at a user-block size (512, 1024, 2048, …). */
    private static boolean isHdf5(byte[] bytes) {
        for (long at = 0; at + HDF5_SIGNATURE.length <= bytes.length; at = at == 0 ? 512 : at * 2) {
            boolean match = true;
            for (int i = 0; i < HDF5_SIGNATURE.length && match; i++) {
                match = bytes[(int) at + i] == HDF5_SIGNATURE[i];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static KerasImport translate(KerasModel model, ImportLog log) {
        Optional<KerasCompileConfig> compiled = model.compileConfigIfAny().flatMap(c -> KerasCompileConfig.of(c, log));
        KerasLayerList layers = KerasLayerList.parse(model.config());
        KerasGraphBuilder.Built built = KerasGraphBuilder.build(layers, compiled, log);
        if (log.hasProblems()) {
            return KerasImport.failed(log.notes(), log.problems());
        }
        ValidationReport report = GraphValidator.standard().validate(built.graph());
        for (Problem p : report.errors()) {
            log.problem("The translated network does not check out in LayerLoom: " + p.message());
        }
        List<NpyArray> weights = new ArrayList<>();
        Optional<KerasWeights> byName = model.weightsOf(layers);
        if (byName.isEmpty()) {
            log.note("The file holds the model's structure but no weights; the network starts from fresh weights.");
        } else if (!log.hasProblems()) {
            KerasWeights all = byName.get();
            for (Map.Entry<String, KerasGraphBuilder.Weighted> entry : built.weighted().entrySet()) {
                KerasLayer layer = entry.getValue().layer();
                try {
                    List<KerasArray> arrays = all.of(layer.name()).orElseThrow(() -> new KerasFormatException(
                            "The file holds no weights for layer " + layer.who() + "."));
                    String flatten = entry.getValue().hwcFlatten();
                    TensorShape flattened = flatten == null ? null
                            : report.node(flatten).orElseThrow().inputs().get(0);
                    weights.addAll(KerasWeightConverter.convert(built.graph().requireNode(entry.getKey()), layer,
                            arrays, report.node(entry.getKey()).orElseThrow(), flattened));
                } catch (KerasFormatException e) {
                    log.problem(e.getMessage());
                }
            }
        }
        if (log.hasProblems()) {
            return KerasImport.failed(log.notes(), log.problems());
        }
        return new KerasImport(built.graph(), weights, log.notes(), List.of(),
                compiled.map(KerasCompileConfig::training).orElse(null));
    }
}
