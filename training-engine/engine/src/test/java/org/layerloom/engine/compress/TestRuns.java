package org.layerloom.engine.compress;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.RunFolder;

/** Writes a minimal run folder (manifest with the project, freshly initialised best.params) for tests. */
public final class TestRuns {

    private TestRuns() {
    }

    public static Path write(Project project, Path runsRoot, long... inputShape) throws Exception {
        GraphBlock block = GraphCompiler.standard().compile(GraphValidator.standard().validate(project.graph()));
        try (NDManager manager = NDManager.newBaseManager()) {
            long[] shape = new long[inputShape.length + 1];
            shape[0] = 1;
            System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
            block.initialize(manager, DataType.FLOAT32, new Shape(shape));
            RunFolder folder = RunFolder.create(runsRoot, LocalDateTime.of(2026, 1, 1, 12, 0));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("run", folder.id());
            manifest.put("status", "completed");
            manifest.put("project", new ObjectMapper().readTree(ProjectFiles.toJson(project)));
            folder.writeJson("manifest", manifest);
            folder.saveParameters(block, RunFolder.BEST);
            return folder.dir();
        }
    }
}
