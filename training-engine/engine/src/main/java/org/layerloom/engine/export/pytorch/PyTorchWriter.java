package org.layerloom.engine.export.pytorch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.NpzWriter;
import org.layerloom.engine.export.TargetWriter;
import org.layerloom.engine.export.support.ExportTarget;

/**
 * The PyTorch target: {@code model.py} (the network as an {@code nn.Module}, see {@link ModelSource}) and
 * {@code weights.npz} (its weights under the module's {@code state_dict} names, float32). Stateless; any
 * thread.
 */
public final class PyTorchWriter implements TargetWriter {

    public static final String MODEL = "model.py";
    public static final String WEIGHTS = "weights.npz";

    @Override
    public ExportTarget target() {
        return ExportTarget.PYTORCH;
    }

    @Override
    public Set<String> fileNames() {
        return Set.of(MODEL, WEIGHTS, "__pycache__");
    }

    @Override
    public void write(ExportedNetwork network, Path folder) throws IOException {
        Files.writeString(folder.resolve(MODEL), ModelSource.of(network), StandardCharsets.UTF_8);
        NpzWriter.write(folder.resolve(WEIGHTS), network.weights());
    }
}
