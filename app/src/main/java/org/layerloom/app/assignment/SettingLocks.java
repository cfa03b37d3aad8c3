package org.layerloom.app.assignment;

import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.Lock;

/**
 * Which training-settings field a teacher's {@link Lock.Setting} fixes: the epochs lock fixes the "epochs"
 * field, the schedule lock every field of the schedule. Stateless; any thread.
 */
public final class SettingLocks {

    private static final Map<String, Lock.Setting> BY_FIELD = Map.ofEntries(
            Map.entry("epochs", Lock.Setting.EPOCHS),
            Map.entry("batch-size", Lock.Setting.BATCH_SIZE),
            Map.entry("optimizer", Lock.Setting.OPTIMIZER),
            Map.entry("learning-rate", Lock.Setting.LEARNING_RATE),
            Map.entry("schedule", Lock.Setting.SCHEDULE),
            Map.entry("step-epochs", Lock.Setting.SCHEDULE),
            Map.entry("gamma", Lock.Setting.SCHEDULE),
            Map.entry("warmup-epochs", Lock.Setting.SCHEDULE),
            Map.entry("min-learning-rate", Lock.Setting.SCHEDULE),
            Map.entry("validation-split", Lock.Setting.VALIDATION_SPLIT),
            Map.entry("seed", Lock.Setting.SEED));

    private SettingLocks() {
    }

    /** The teacher's reason when {@code assignment} fixes the settings field {@code fieldId}, else empty. */
    public static Optional<String> reason(Optional<Assignment> assignment, String fieldId) {
        Lock.Setting setting = BY_FIELD.get(fieldId);
        return setting == null ? Optional.empty() : assignment.flatMap(a -> a.fixedReason(setting));
    }
}
