package org.layerloom.engine.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.assignment.Lock;
import org.layerloom.engine.graph.LayerKind;

/**
 * Reads the optional {@code "assignment"} object of a {@code .loom} file; any mistake becomes a
 * {@link ProjectFileException} naming the JSON path, what was found and what is allowed. One instance per
 * read; any thread.
 */
final class AssignmentReader {

    private static final List<String> GOAL_KINDS = List.of(Goal.MinTestAccuracy.KIND,
            Goal.MinValidationAccuracy.KIND, Goal.MaxParameters.KIND, Goal.MaxEpochs.KIND, Goal.UsesLayer.KIND,
            Goal.MaxDenseUnits.KIND, Goal.ValidationLossNotRising.KIND);
    private static final List<String> LOCK_KINDS = List.of(AssignmentWriter.HIDE_LAYER,
            AssignmentWriter.FIX_SETTING, AssignmentWriter.FIX_DATASET);

    private final JsonCursor field;

    AssignmentReader(JsonCursor field) {
        this.field = field;
    }

    /** The assignment, or empty when the project carries none. */
    Optional<Assignment> read() throws ProjectFileException {
        if (!field.isPresent()) {
            return Optional.empty();
        }
        field.object("An assignment holds a \"title\", \"instructions\", \"goals\" and \"locks\".");
        field.allowOnly(Keys.ASSIGNMENT_KEYS, "an assignment");
        String title = optionalText(field.field(Keys.TITLE), "The title of an assignment is text.");
        String instructions = optionalText(field.field(Keys.INSTRUCTIONS),
                "The instructions are text, with **bold**, *italic*, `code` and \"- \" lists.");
        List<Goal> goals = new ArrayList<>();
        JsonCursor goalList = field.field(Keys.GOALS);
        if (goalList.isPresent()) {
            goalList.array("The goals are a list, like [ { \"kind\" : \"minTestAccuracy\", \"value\" : 0.9 } ].");
            for (JsonCursor goal : goalList.elements()) {
                goals.add(goal(goal));
            }
        }
        List<Lock> locks = new ArrayList<>();
        JsonCursor lockList = field.field(Keys.LOCKS);
        if (lockList.isPresent()) {
            lockList.array("The locks are a list, like [ { \"kind\" : \"fixDataset\", \"reason\" : \"...\" } ].");
            for (JsonCursor lock : lockList.elements()) {
                locks.add(lock(lock));
            }
        }
        return Optional.of(new Assignment(title, instructions, goals, locks));
    }

    private static String optionalText(JsonCursor cursor, String advice) throws ProjectFileException {
        return cursor.isPresent() ? cursor.text(advice) : "";
    }

    private static Goal goal(JsonCursor goal) throws ProjectFileException {
        goal.object("A goal is an object, like { \"kind\" : \"maxParameters\", \"value\" : 50000 }.");
        String kind = kindOf(goal, GOAL_KINDS, "goal");
        if (kind.equals(Goal.UsesLayer.KIND)) {
            goal.allowOnly(List.of(Keys.KIND, Keys.LAYER), "a \"usesLayer\" goal");
            return new Goal.UsesLayer(layer(goal.field(Keys.LAYER)));
        }
        goal.allowOnly(List.of(Keys.KIND, Keys.VALUE), "a \"" + kind + "\" goal");
        JsonCursor value = goal.field(Keys.VALUE);
        try {
            return switch (kind) {
                case Goal.MinTestAccuracy.KIND -> new Goal.MinTestAccuracy(fraction(value));
                case Goal.MinValidationAccuracy.KIND -> new Goal.MinValidationAccuracy(fraction(value));
                case Goal.MaxParameters.KIND -> new Goal.MaxParameters(value.required("It is the most parameters"
                        + " the network may have, like 50000.").wholeLong("The most parameters is a whole number."));
                case Goal.MaxEpochs.KIND -> new Goal.MaxEpochs(value.required("It is the most epochs a run may"
                        + " train, like 10.").wholeInt("The most epochs is a whole number."));
                case Goal.MaxDenseUnits.KIND -> new Goal.MaxDenseUnits(value.required("It is the most units a Dense"
                        + " layer may have, like 128.").wholeInt("The most units is a whole number."));
                default -> new Goal.ValidationLossNotRising(value.isPresent()
                        ? value.number("The tolerance is a fraction, like 0.05 for 5 %.")
                        : Goal.ValidationLossNotRising.DEFAULT_TOLERANCE);
            };
        } catch (IllegalArgumentException e) {
            throw value.fail(e.getMessage() + ".");
        }
    }

    private static double fraction(JsonCursor value) throws ProjectFileException {
        return value.required("It is an accuracy between 0 and 1, like 0.9.")
                .number("An accuracy is a number between 0 and 1, like 0.9.");
    }

    private static Lock lock(JsonCursor lock) throws ProjectFileException {
        lock.object("A lock is an object, like { \"kind\" : \"hideLayer\", \"layer\" : \"Dense\", \"reason\" : \"...\" }.");
        String kind = kindOf(lock, LOCK_KINDS, "lock");
        String reason = lock.field(Keys.REASON).required("Every lock tells the student why, like \"reason\" :"
                + " \"Build it from convolutions\".").text("The reason is text for the student.");
        if (kind.equals(AssignmentWriter.HIDE_LAYER)) {
            lock.allowOnly(List.of(Keys.KIND, Keys.LAYER, Keys.REASON), "a \"hideLayer\" lock");
            return new Lock.HiddenLayer(layer(lock.field(Keys.LAYER)), reason);
        }
        if (kind.equals(AssignmentWriter.FIX_SETTING)) {
            lock.allowOnly(List.of(Keys.KIND, Keys.SETTING, Keys.REASON), "a \"fixSetting\" lock");
            JsonCursor setting = lock.field(Keys.SETTING).required("It names the fixed setting, like \"epochs\".");
            String id = setting.text("The setting is a name, like \"epochs\".");
            List<String> ids = Arrays.stream(Lock.Setting.values()).map(Lock.Setting::id).toList();
            return new Lock.FixedSetting(Lock.Setting.fromId(id).orElseThrow(() -> setting.fail(Words.quoted(id)
                    + " is not a setting a teacher can fix." + Words.didYouMean(id, ids) + " The settings are "
                    + Words.quotedList(ids) + ".")), reason);
        }
        lock.allowOnly(List.of(Keys.KIND, Keys.REASON), "a \"fixDataset\" lock");
        return new Lock.FixedDataset(reason);
    }

    private static String kindOf(JsonCursor item, List<String> kinds, String what) throws ProjectFileException {
        JsonCursor kindField = item.field(Keys.KIND).required("Every " + what + " names its kind, one of "
                + Words.quotedList(kinds) + ".");
        String kind = kindField.text("The kind of a " + what + " is a name, one of " + Words.quotedList(kinds) + ".");
        if (!kinds.contains(kind)) {
            throw kindField.fail(Words.quoted(kind) + " is not a " + what + " LayerLoom knows."
                    + Words.didYouMean(kind, kinds) + " The kinds are " + Words.quotedList(kinds) + ".");
        }
        return kind;
    }

    private static LayerKind layer(JsonCursor layer) throws ProjectFileException {
        JsonCursor named = layer.required("It names a layer kind, like \"Conv2D\".");
        String id = named.text("A layer kind is a name, like \"Conv2D\".");
        return LayerKind.fromId(id).orElseThrow(() -> named.fail(Words.quoted(id) + " is not a layer kind."
                + Words.didYouMean(id, LayerKind.ids()) + " Layer kinds are named as in the palette, like"
                + " \"Dense\" or \"Conv2D\"."));
    }
}
