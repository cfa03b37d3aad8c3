package org.layerloom.app.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.export.djl.DjlProjectRun;

/**
 * Checks a written DJL (Java) export against LayerLoom's network: the engine compiles and runs the exported
 * project in this JVM ({@link DjlProjectRun}), and every layer's result is compared with LayerLoom's. The
 * class probabilities are LayerLoom's own addition and are not part of the Java network, so they are not
 * compared. Where this Java runtime has no compiler (the installed app's trimmed runtime may not), it says so.
 * Stateless; call off the JavaFX thread.
 */
final class DjlCheck {

    private DjlCheck() {
    }

    static Verification verify(ExportedNetwork network, Path project, ReferenceOutputs.Batch batch,
                               Map<String, float[]> expected) {
        if (!DjlProjectRun.compilerAvailable()) {
            return Verification.notRun("This Java runtime has no compiler, so LayerLoom cannot build the exported"
                    + " Java here; build and run it with `mvn -q compile exec:java`, as its README says.");
        }
        Map<String, float[]> results;
        try {
            results = DjlProjectRun.layerResults(project, batch);
        } catch (DjlProjectRun.NotRunnable e) {
            return new Verification(true, e.getMessage(), List.of());
        }
        List<String> ids = network.nodeIds();
        String input = ids.get(0);
        String output = ids.get(ids.size() - 1);
        String prediction = network.report().graph().wiresInto(output).get(0).from().nodeId();
        List<NodeDifference> nodes = new ArrayList<>();
        for (Map.Entry<String, float[]> e : expected.entrySet()) {
            String id = e.getKey();
            if (id.equals(ReferenceOutputs.PROBABILITIES)) {
                continue;
            }
            // the Input is the batch both were given; the Output passes on the layer that makes the prediction
            float[] actual = id.equals(input) ? batch.values() : results.get(id.equals(output) ? prediction : id);
            nodes.add(NodeDifference.of(id, e.getValue(), actual));
        }
        return new Verification(true, "Compiled the exported Java and ran it on " + batch.shape()[0]
                + " examples, and compared every layer's result with LayerLoom's.", nodes);
    }
}
