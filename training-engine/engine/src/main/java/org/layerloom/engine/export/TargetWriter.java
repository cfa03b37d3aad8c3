package org.layerloom.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.layerloom.engine.export.support.ExportTarget;

/**
 * Writes one export target's files into an empty folder. The {@link Exporter} checks the network first and
 * gives the writer a staging folder, so a writer never sees a network its target refuses and never leaves
 * half a folder behind. Implementations are stateless; any thread.
 */
public interface TargetWriter {

    ExportTarget target();

    /**
     * The names of the files and folders this target writes: an existing output folder holding only these is
     * an earlier export and may be replaced.
     */
    Set<String> fileNames();

    /** Writes the target's files for {@code network} into {@code folder}, which exists and is empty. */
    void write(ExportedNetwork network, Path folder) throws IOException;
}
