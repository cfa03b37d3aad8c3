package org.layerloom.engine.assignment;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;

/**
 * One thing an assignment keeps the student from changing, with the teacher's reason: a layer kind hidden
 * from the palette, a training setting fixed, or the dataset fixed. Immutable; any thread.
 */
public sealed interface Lock {

    /** The teacher's reason, shown beside the locked thing. */
    String reason();

    /** What is locked, for a list: "Dense layers hidden". */
    String describe();

    /** The training settings a teacher can fix, with their names in project files. */
    enum Setting {
        EPOCHS("epochs", "Epochs"),
        BATCH_SIZE("batchSize", "Batch size"),
        OPTIMIZER("optimizer", "Optimizer"),
        LEARNING_RATE("learningRate", "Learning rate"),
        SCHEDULE("schedule", "Schedule"),
        VALIDATION_SPLIT("validationSplit", "Validation split"),
        SEED("seed", "Seed");

        private final String id;
        private final String label;

        Setting(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        public static Optional<Setting> fromId(String id) {
            return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
        }
    }

    /** {@code kind} does not appear in the palette. */
    record HiddenLayer(LayerKind kind, String reason) implements Lock {
        public HiddenLayer {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return kind.id() + " layers hidden";
        }
    }

    /** {@code setting} keeps the value the teacher saved in the project. */
    record FixedSetting(Setting setting, String reason) implements Lock {
        public FixedSetting {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return setting.label() + " fixed";
        }
    }

    /** The dataset and its options keep what the teacher saved. */
    record FixedDataset(String reason) implements Lock {
        public FixedDataset {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "Dataset fixed";
        }
    }
}
