package org.layerloom.engine.assignment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;

/**
 * A teacher's assignment: a title, instructions in {@link Instructions}' small Markdown subset, the goals a
 * student's network and runs are judged by, and the locks on what the student may change, each with the
 * teacher's reason. Immutable; any thread.
 */
public record Assignment(String title, String instructions, List<Goal> goals, List<Lock> locks) {

    public Assignment {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instructions, "instructions");
        goals = List.copyOf(goals);
        locks = List.copyOf(locks);
    }

    /** An assignment with no instructions, goals or locks yet. */
    public static Assignment empty() {
        return new Assignment("", "", List.of(), List.of());
    }

    public Assignment withTitle(String newTitle) {
        return new Assignment(newTitle, instructions, goals, locks);
    }

    public Assignment withInstructions(String text) {
        return new Assignment(title, text, goals, locks);
    }

    public Assignment withGoals(List<Goal> newGoals) {
        return new Assignment(title, instructions, newGoals, locks);
    }

    public Assignment withLocks(List<Lock> newLocks) {
        return new Assignment(title, instructions, goals, newLocks);
    }

    /** The teacher's reason for hiding {@code kind} from the palette, or empty when the student may use it. */
    public Optional<String> hiddenReason(LayerKind kind) {
        return locks.stream().filter(l -> l instanceof Lock.HiddenLayer h && h.kind() == kind)
                .map(Lock::reason).findFirst();
    }

    /** The teacher's reason for fixing {@code setting}, or empty when the student may change it. */
    public Optional<String> fixedReason(Lock.Setting setting) {
        return locks.stream().filter(l -> l instanceof Lock.FixedSetting f && f.setting() == setting)
                .map(Lock::reason).findFirst();
    }

    /** The teacher's reason for fixing the dataset, or empty when the student may choose another. */
    public Optional<String> datasetReason() {
        return locks.stream().filter(l -> l instanceof Lock.FixedDataset).map(Lock::reason).findFirst();
    }
}
