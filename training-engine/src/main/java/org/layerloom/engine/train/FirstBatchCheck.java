package org.layerloom.engine.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;

/**
 * Judges a batch trained before any parameter update: when its output or loss is not finite, the
 * learning rate cannot be the cause, so it finds the culprit (the data, a layer's weights, a layer, the
 * loss, or a kernel that is not deterministic) and keeps it as {@link #found()}; the fit loop then stops
 * without taking the step. Single use; worker thread only.
 */
final class FirstBatchCheck {

    private final NonFiniteSearch search;
    private final Dataset dataset;
    private OutputNotFinite found;

    FirstBatchCheck(GraphBlock block, TrainingJob job) {
        this.search = new NonFiniteSearch(block, job.project().graph(), LayerCatalog.standard());
        this.dataset = job.dataset();
    }

    /**
     * Whether the batch failed; if so, {@link #found()} says why.
     *
     * @param data the batch as (inputs, labels), attached to {@code scope}
     */
    boolean failed(float loss, boolean outputFinite, NDList[] data, int epoch, int batch, NDManager scope) {
        if (Float.isFinite(loss) && outputFinite) {
            return false;
        }
        if (outputFinite) {
            String targets = NonFiniteSearch.notFinite(data[1].head());
            found = targets != null
                    ? new OutputNotFinite(epoch, batch, NotFiniteCause.TARGETS, "", "", "", "", targets,
                            NonFiniteData.inTargets(dataset))
                    : new OutputNotFinite(epoch, batch, NotFiniteCause.LOSS, "", "", "", "",
                            Float.isNaN(loss) ? "NaN" : "infinite", "");
            return true;
        }
        OutputNotFinite result = search.find(data[0].head(), epoch, batch, scope);
        found = result.cause() != NotFiniteCause.INPUT ? result
                : new OutputNotFinite(epoch, batch, NotFiniteCause.INPUT, "", "", "", "", result.value(),
                        NonFiniteData.inFeatures(dataset));
        return true;
    }

    /** Why the first batch failed, or null. */
    OutputNotFinite found() {
        return found;
    }
}
