package org.layerloom.engine.train.event;

import java.util.Objects;

/**
 * The network's output (or its loss) was not a number, or infinite, on a batch before any parameter
 * update ({@code updates} is 0), so the learning rate cannot be the cause; or, after updates, on a batch
 * whose data itself is not finite ({@link NotFiniteCause#INPUT} or {@link NotFiniteCause#TARGETS}). The
 * run stops with a {@link RunFailed} right after this. Names the first node, in data-flow order, whose output (or weights) are not finite, as the
 * editor shows it: {@code nodeId}, {@code nodeName} (e.g. "Conv 2") and {@code layerKind} (e.g.
 * "Conv2D"); all three are "" for the data causes and when the rerun was finite. {@code value} is
 * "NaN" or "infinite"; {@code parameter} the weight's name for {@link NotFiniteCause#PARAMETER}, else "";
 * {@code dataWhere} where in the data, when known (e.g. "moons.csv, example 17 of the training split, column 'x2'"), else "".
 * Made with {@link #builder()}. Plain data, created on the training worker; any thread may read it.
 */
public record OutputNotFinite(int epoch, int batch, long updates, NotFiniteCause cause, String nodeId, String nodeName,
                              String layerKind, String parameter, String value, String dataWhere)
        implements TrainingEvent {

    /** A builder of a finding before any update, with no node, parameter or place in the data. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.outputNotFinite(this);
    }

    @Override
    public String type() {
        return "not-finite";
    }

    /** Builds an {@link OutputNotFinite}: {@code set*} values are required, {@code opt*} ones have defaults. One thread. */
    public static final class Builder {
        private int epoch = -1;
        private int batch = -1;
        private NotFiniteCause cause;
        private String value;
        private long updates;
        private String nodeId = "";
        private String nodeName = "";
        private String layerKind = "";
        private String parameter = "";
        private String dataWhere = "";

        private Builder() {
        }

        /** The 1-based epoch and the batch in it where the value appeared. */
        public Builder setBatch(int epoch, int batch) {
            this.epoch = epoch;
            this.batch = batch;
            return this;
        }

        /** Where the value came from. */
        public Builder setCause(NotFiniteCause cause) {
            this.cause = cause;
            return this;
        }

        /** "NaN" or "infinite". */
        public Builder setValue(String value) {
            this.value = value;
            return this;
        }

        /** The parameter updates made before this batch; 0 by default. */
        public Builder optUpdates(long updates) {
            this.updates = updates;
            return this;
        }

        /** The node as the editor shows it: its id, name (e.g. "Conv 2") and layer kind (e.g. "Conv2D"); "" by default. */
        public Builder optNode(String id, String name, String kind) {
            this.nodeId = id;
            this.nodeName = name;
            this.layerKind = kind;
            return this;
        }

        /** The name of the weight that is not finite ({@link NotFiniteCause#PARAMETER}); "" by default. */
        public Builder optParameter(String parameter) {
            this.parameter = parameter;
            return this;
        }

        /** Where in the data, e.g. "moons.csv, example 17 of the training split, column 'x2'"; "" by default. */
        public Builder optDataWhere(String dataWhere) {
            this.dataWhere = dataWhere;
            return this;
        }

        /** The event; the batch, the cause and the value must have been set. */
        public OutputNotFinite build() {
            if (epoch < 0 || batch < 0) {
                throw new IllegalStateException("setBatch is required");
            }
            Objects.requireNonNull(cause, "setCause is required");
            Objects.requireNonNull(value, "setValue is required");
            return new OutputNotFinite(epoch, batch, updates, cause, nodeId, nodeName, layerKind, parameter, value,
                    dataWhere);
        }
    }
}
