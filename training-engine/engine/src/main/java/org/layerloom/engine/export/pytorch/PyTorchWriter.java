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
import org.layerloom.engine.export.VariantExport;
import org.layerloom.engine.export.pytorch.ExportReadme.DataForm;
import org.layerloom.engine.export.support.ExportTarget;

/**
 * The PyTorch target: {@code model.py} (the network as an {@code nn.Module}, see {@link ModelSource}) and
 * {@code weights.npz} (its weights under the module's {@code state_dict} names, float32); for a network exported
 * with its training also {@code train.py} ({@link TrainingScript}), {@code data.npz} (the prepared splits,
 * {@link DataFile}, when they could be read and are small enough; for a folder of pictures too large to copy a
 * loader instead, {@link ImageLoader}) and a {@code README.md} saying how to run it and what form the data took.
 * Immutable; any thread.
 */
public final class PyTorchWriter implements TargetWriter {

    public static final String MODEL = "model.py";
    public static final String WEIGHTS = "weights.npz";
    public static final String TRAIN = "train.py";
    public static final String DATA = "data.npz";
    public static final String README = "README.md";
    /** Where {@code train.py} writes the weights it trains. */
    public static final String TRAINED = "trained";
    /** The loader of pictures too large to copy, and its index. */
    public static final String LOADER = ImageLoader.LOADER;
    public static final String IMAGE_INDEX = ImageLoader.INDEX;

    private final long dataLimitBytes;

    /** A writer that copies data of up to 512 MB (as arrays) into {@code data.npz}. */
    public PyTorchWriter() {
        this(DataFile.LIMIT_BYTES);
    }

    /**
     * A writer that copies data of up to {@code dataLimitBytes} into {@code data.npz}; larger folders of pictures
     * get a loader ({@code data.py} and {@code images.json}) instead.
     */
    public PyTorchWriter(long dataLimitBytes) {
        this.dataLimitBytes = dataLimitBytes;
    }

    @Override
    public ExportTarget target() {
        return ExportTarget.PYTORCH;
    }

    @Override
    public Set<String> fileNames() {
        return Set.of(MODEL, WEIGHTS, TRAIN, DATA, LOADER, IMAGE_INDEX, README, TRAINED, "__pycache__");
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
        WrittenData data = writeData(training, folder);
        Files.writeString(folder.resolve(README), ExportReadme.of(network, data.note(), data.form())
                + VariantExport.readmeSection(network), StandardCharsets.UTF_8);
    }

    /** Writes {@code data.npz}, or a loader for pictures too large to copy, and says what became of the data. */
    private WrittenData writeData(ExportedTraining training, Path folder) throws IOException {
        if (training.data().isEmpty()) {
            return new WrittenData(DataForm.NONE, "LayerLoom could not read the project's data when it exported, so"
                    + " there is no `data.npz`: export again where the data is, or put the splits there yourself"
                    + " (arrays `x_train`, `y_train`, `x_validation`, `y_validation`, `x_test`, `y_test`).");
        }
        Dataset dataset = training.dataset();
        DataFile data = DataFile.of(dataset, training.loss());
        long bytes = data.bytes();
        if (bytes <= dataLimitBytes) {
            data.write(folder.resolve(DATA));
            return new WrittenData(DataForm.ARRAYS, data.describe());
        }
        if (dataset.imageFiles().isPresent()) {
            ImageLoader.write(folder, dataset);
            return new WrittenData(DataForm.LOADER, ImageLoader.describe(dataset, bytes, dataLimitBytes));
        }
        return new WrittenData(DataForm.NONE, "The data (" + size(bytes) + " as arrays) is larger than the "
                + size(dataLimitBytes) + " LayerLoom copies into an export, so there is no `data.npz`. Put the"
                + " splits there yourself, as"
                + " LayerLoom prepared them (arrays `x_train`, `y_train`, `x_validation`, `y_validation`, `x_test`,"
                + " `y_test`; `numpy.savez` writes such a file), or change `load_split` in `train.py` to read them"
                + " from where they are.");
    }

    /** {@code bytes} for a student: "12 MB", or "300 KB" below a megabyte. */
    static String size(long bytes) {
        return bytes >= 1L << 20 ? (bytes >> 20) + " MB" : ((bytes + 1023) >> 10) + " KB";
    }

    /** The form the data took, and the README's sentences about it. */
    private record WrittenData(DataForm form, String note) {
    }
}
