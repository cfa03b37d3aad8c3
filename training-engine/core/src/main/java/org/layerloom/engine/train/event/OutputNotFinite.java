package org.layerloom.engine.train.event;

/**
 * The network's output (or its loss) was not a number, or infinite, on a batch before any parameter
 * update ({@code updates} is 0), so the learning rate cannot be the cause; or, after updates, on a batch
 * whose data itself is not finite ({@link NotFiniteCause#INPUT} or {@link NotFiniteCause#TARGETS}). The
 * run stops with a {@link RunFailed} right after this. Names the first node, in data-flow order, whose output (or weights) are not finite, as the
 * editor shows it: {@code nodeId}, {@code nodeName} (e.g. "Conv 2") and {@code layerKind} (e.g.
 * "Conv2D"); all three are "" for the data causes and when the rerun was finite. {@code value} is
 * "NaN" or "infinite"; {@code parameter} the weight's name for {@link NotFiniteCause#PARAMETER}, else "";
 * {@code dataWhere} where in the data, when known (e.g. "moons.csv, example 17 of the training split, column 'x2'"), else "".
 * Plain data, created on the training worker; any thread may read it.
 */
public record OutputNotFinite(int epoch, int batch, long updates, NotFiniteCause cause, String nodeId, String nodeName,
                              String layerKind, String parameter, String value, String dataWhere)
        implements TrainingEvent {

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.outputNotFinite(this);
    }

    @Override
    public String type() {
        return "not-finite";
    }
}
