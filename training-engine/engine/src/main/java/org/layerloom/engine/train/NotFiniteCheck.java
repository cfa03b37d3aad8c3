package org.layerloom.engine.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;

/**
 * Judges a batch whose output or loss is not finite, before its step is taken. Before any parameter update
 * the learning rate cannot be the cause, so it finds the culprit (the data, a layer's weights, a layer,
 * the loss, or a kernel that is not deterministic); after updates it only blames the data, when the batch's
 * inputs or targets are not finite, and leaves the rest to {@link DivergenceCheck}'s learning-rate advice.
 * The culprit is kept as {@link #found()}; the fit loop then stops without taking the step. Single use;
 * worker thread only.
 */
final class NotFiniteCheck {

    private final NonFiniteSearch search;
    private final Dataset dataset;
    private OutputNotFinite found;

    NotFiniteCheck(GraphBlock block, TrainingJob job) {
        this.search = new NonFiniteSearch(block, job.project().graph(), LayerCatalog.standard());
        this.dataset = job.dataset();
    }

    /**
     * Whether the batch failed for a reason other than the learning rate; if so, {@link #found()} says why.
     *
     * @param outputFinite whether the network's output was finite (pass true when not measured)
     * @param data         the batch as (inputs, labels), attached to {@code scope}
     * @param updates      the parameter updates made before this batch (0: the weights are the initial ones)
     */
    boolean failed(float loss, boolean outputFinite, NDList[] data, int epoch, int batch, long updates,
                   NDManager scope) {
        if (Float.isFinite(loss) && outputFinite) {
            return false;
        }
        String inputs = NonFiniteSearch.notFinite(data[0].head());
        String targets = NonFiniteSearch.notFinite(data[1].head());
        if (inputs != null) {
            found = data(NotFiniteCause.INPUT, inputs, NonFiniteData.inFeatures(dataset), epoch, batch, updates);
        } else if (targets != null) {
            found = data(NotFiniteCause.TARGETS, targets, NonFiniteData.inTargets(dataset), epoch, batch, updates);
        } else if (updates > 0) {
            return false;
        } else if (outputFinite) {
            found = OutputNotFinite.builder().setBatch(epoch, batch).setCause(NotFiniteCause.LOSS)
                    .setValue(Float.isNaN(loss) ? "NaN" : "infinite").build();
        } else {
            found = search.find(data[0].head(), epoch, batch, scope);
        }
        return true;
    }

    private static OutputNotFinite data(NotFiniteCause cause, String value, String where, int epoch, int batch,
                                        long updates) {
        return OutputNotFinite.builder().setBatch(epoch, batch).optUpdates(updates).setCause(cause).setValue(value)
                .optDataWhere(where).build();
    }

    /** Why the batch failed, or null. */
    OutputNotFinite found() {
        return found;
    }
}
