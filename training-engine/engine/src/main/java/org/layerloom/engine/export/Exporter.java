package org.layerloom.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.layerloom.engine.export.support.ExportCheck;
import org.layerloom.engine.graph.Problem;

/**
 * Exports a network to one target: checks every node first ({@link ExportCheck}) and refuses with the
 * problems before writing anything, then lets the target's {@link TargetWriter} fill a staging folder beside
 * the output folder and moves it into place, so the output folder holds a whole export or is left as it was.
 * An existing output folder is replaced only when it is empty or holds nothing but the target's own files
 * (an earlier export). Stateless; any thread (writing files, so not the JavaFX thread).
 */
public final class Exporter {

    private Exporter() {
    }

    /**
     * Writes {@code network} with {@code writer} to the folder {@code out}.
     *
     * @return the warnings of the check (nodes left out of the export)
     * @throws ExportRefusedException when a node cannot be exported; nothing was written
     * @throws IOException            when {@code out} holds other files, or writing failed; nothing is left behind
     */
    public static List<Problem> export(ExportedNetwork network, TargetWriter writer, Path out)
            throws ExportRefusedException, IOException {
        List<Problem> problems = ExportCheck.problems(network.report(), writer.target());
        if (!ExportCheck.allowsExport(problems)) {
            throw new ExportRefusedException(writer.target().displayName(), problems);
        }
        requireReplaceable(out, writer);
        try (StagedFolder staged = StagedFolder.beside(out)) {
            writer.write(network, staged.path());
            staged.commit();
        }
        return problems;
    }

    private static void requireReplaceable(Path out, TargetWriter writer) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IOException(out + " is a file; choose a folder for the export.");
        }
        Set<String> others = new TreeSet<>();
        try (Stream<Path> entries = Files.list(out)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !writer.fileNames().contains(n))
                    .forEach(others::add);
        }
        if (!others.isEmpty()) {
            throw new IOException(out + " already holds other files (" + String.join(", ", others) + "); choose an"
                    + " empty folder or a new name for the export.");
        }
    }
}
