package org.layerloom.engine.export.pytorch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.ExportedTraining;
import org.layerloom.engine.export.NpzWriter;
import org.layerloom.engine.export.TargetWriter;
import org.layerloom.engine.export.support.ExportTarget;

/**
 * The PyTorch target: {@code model.py} (the network as an {@code nn.Module}, see {@link ModelSource}) and
 * {@code weights.npz} (its weights under the module's {@code state_dict} names, float32); for a network exported
 * with its training also {@code train.py} ({@link TrainingScript}), {@code data.npz} (the prepared splits,
 * {@link DataFile}, when they could be read and are small enough) and a {@code README.md} saying how to run it.
 * Stateless; any thread.
 */
public final class PyTorchWriter implements TargetWriter {

    public static final String MODEL = "model.py";
    public static final String WEIGHTS = "weights.npz";
    public static final String TRAIN = "train.py";
    public static final String DATA = "data.npz";
    public static final String README = "README.md";
    /** Where {@code train.py} writes the weights it trains. */
    public static final String TRAINED = "trained";

    @Override
    public ExportTarget target() {
        return ExportTarget.PYTORCH;
    }

    @Override
    public Set<String> fileNames() {
        return Set.of(MODEL, WEIGHTS, TRAIN, DATA, README, TRAINED, "__pycache__");
    }

    @Override
    public void write(ExportedNetwork network, Path folder) throws IOException {
        Files.writeString(folder.resolve(MODEL), ModelSource.of(network), StandardCharsets.UTF_8);
        NpzWriter.write(folder.resolve(WEIGHTS), network.weights());
        if (network.trainingPart().isEmpty()) {
            return;
        }
        ExportedTraining training = network.trainingPart().get();
        Files.writeString(folder.resolve(TRAIN), TrainingScript.of(network.name(), training), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(README), ExportReadme.of(network, writeData(training, folder)),
                StandardCharsets.UTF_8);
    }

    /** Writes {@code data.npz} when there is data that fits, and says what became of it. */
    private static String writeData(ExportedTraining training, Path folder) throws IOException {
        if (training.data().isEmpty()) {
            return "LayerLoom could not read the project's data when it exported, so there is no `data.npz`: export"
                    + " again where the data is, or put the splits there yourself (arrays `x_train`, `y_train`,"
                    + " `x_validation`, `y_validation`, `x_test`, `y_test`).";
        }
        Dataset dataset = training.dataset();
        if (!DataFile.fits(dataset)) {
            return "The data (" + (DataFile.bytes(dataset) >> 20) + " MB as arrays) is larger than the "
                    + (DataFile.LIMIT_BYTES >> 20) + " MB LayerLoom copies into an export, so there is no `data.npz`:"
                    + " put the splits there yourself (arrays `x_train`, `y_train`, `x_validation`, `y_validation`,"
                    + " `x_test`, `y_test`).";
        }
        DataFile.write(folder.resolve(DATA), dataset, training.loss());
        return "`data.npz` holds " + dataset.name() + ": " + dataset.train().size() + " training, "
                + dataset.validation().size() + " validation and " + dataset.test().size()
                + " test examples, split with the project's seed and prepared (normalised) as LayerLoom trains on them.";
    }
}
