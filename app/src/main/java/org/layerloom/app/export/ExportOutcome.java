package org.layerloom.app.export;

import java.nio.file.Path;
import java.util.List;
import org.layerloom.engine.graph.Problem;

/** What an export came to: refused before anything was written, or written and checked. Immutable. */
public sealed interface ExportOutcome {

    /** The node check refused the network for the target; nothing was written. */
    record Refused(String target, List<Problem> problems) implements ExportOutcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The export was written to {@code folder} ({@code files}); {@code warnings} are the nodes it left out,
     * {@code weights} says whose weights it holds, {@code verification} what running it here found, and
     * {@code note} (empty for none) how a compressed variant's export computes differently from what LayerLoom
     * measured.
     */
    record Written(Path folder, List<String> files, List<Problem> warnings, String weights,
                   Verification verification, String note) implements ExportOutcome {
        public Written {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }
}
