package org.layerloom.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.layerloom.samples.Sample;
import org.layerloom.samples.SampleCatalog;

/** Sample projects copied into a test's folder, as they are or with a node's id changed by hand. Test code. */
final class ExportSamples {

    private ExportSamples() {
    }

    /** The sample {@code id} copied into {@code dir}; returns its project file. */
    static Path copy(String id, Path dir) throws IOException {
        Sample sample = SampleCatalog.standard().byId(id).orElseThrow();
        return SampleCatalog.standard().copyTo(sample, dir);
    }

    /** The sample {@code id} copied into {@code dir} with the node {@code from} renamed {@code to} in the file. */
    static Path withNodeId(String id, Path dir, String from, String to) throws IOException {
        Path file = copy(id, dir);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("\"" + from + "\"", "\"" + to + "\""), StandardCharsets.UTF_8);
        return file;
    }
}
