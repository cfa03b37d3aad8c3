package org.layerloom.engine.project;

/** The optimizers a project can train with; the id is stored in project files. */
public enum OptimizerKind {
    SGD("sgd"), ADAM("adam"), ADAMW("adamw"), RMSPROP("rmsprop"), ADAGRAD("adagrad");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static java.util.Optional<OptimizerKind> fromId(String id) {
        return java.util.Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst();
    }
}
