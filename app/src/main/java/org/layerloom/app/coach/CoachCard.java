package org.layerloom.app.coach;

import java.util.List;
import java.util.Objects;
import org.layerloom.engine.train.coach.CoachAction;

/**
 * One advice card as the panel shows it: a run-unique id, where it comes from ({@code "Training"} or
 * {@code "Health"}), the title, the reason with numbers, what to try, the actions one click can apply,
 * when it fired, and the actions already applied. Immutable; any thread.
 */
public record CoachCard(int id, String source, String title, String reason, String suggestion,
                        List<CoachAction> actions, int epoch, long step, List<CoachAction> applied) {

    public CoachCard {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        actions = List.copyOf(actions);
        applied = List.copyOf(applied);
    }

    public boolean isApplied(CoachAction action) {
        return applied.contains(action);
    }

    CoachCard withApplied(CoachAction action) {
        List<CoachAction> more = new java.util.ArrayList<>(applied);
        more.add(action);
        return new CoachCard(id, source, title, reason, suggestion, actions, epoch, step, more);
    }

    /** "Epoch 2, step 130". */
    public String when() {
        return "Epoch " + epoch + ", step " + step;
    }
}
