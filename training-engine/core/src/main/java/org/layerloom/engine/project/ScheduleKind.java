package org.layerloom.engine.project;

/** Learning-rate schedules; the id is stored in project files. */
public enum ScheduleKind {
    /** The same learning rate throughout. */
    FIXED("fixed"),
    /** Multiply by {@code gamma} every {@code stepEpochs} epochs. */
    STEP("step"),
    /** Cosine decay from the learning rate to {@code minLearningRate} over the run. */
    COSINE("cosine"),
    /** Linear warm-up from near zero over {@code warmupEpochs}, then fixed. */
    WARMUP("warmup");

    private final String id;

    ScheduleKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static java.util.Optional<ScheduleKind> fromId(String id) {
        return java.util.Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst();
    }
}
