package org.layerloom.engine.project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.assignment.Lock;

/**
 * Writes an {@link Assignment} as the {@code "assignment"} object of a {@code .loom} file, in the form
 * {@link AssignmentReader} reads. Stateless; any thread.
 */
final class AssignmentWriter {

    static final String HIDE_LAYER = "hideLayer";
    static final String FIX_SETTING = "fixSetting";
    static final String FIX_DATASET = "fixDataset";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AssignmentWriter() {
    }

    static ObjectNode toTree(Assignment assignment) {
        ObjectNode result = NODES.objectNode();
        result.put(Keys.TITLE, assignment.title());
        result.put(Keys.INSTRUCTIONS, assignment.instructions());
        ArrayNode goals = result.putArray(Keys.GOALS);
        for (Goal goal : assignment.goals()) {
            ObjectNode g = goals.addObject();
            g.put(Keys.KIND, goal.kind());
            if (goal instanceof Goal.MinTestAccuracy a) {
                g.put(Keys.VALUE, a.min());
            } else if (goal instanceof Goal.MinValidationAccuracy a) {
                g.put(Keys.VALUE, a.min());
            } else if (goal instanceof Goal.MaxParameters a) {
                g.put(Keys.VALUE, a.max());
            } else if (goal instanceof Goal.MaxEpochs a) {
                g.put(Keys.VALUE, a.max());
            } else if (goal instanceof Goal.MaxDenseUnits a) {
                g.put(Keys.VALUE, a.max());
            } else if (goal instanceof Goal.ValidationLossNotRising a) {
                g.put(Keys.VALUE, a.tolerance());
            } else if (goal instanceof Goal.UsesLayer a) {
                g.put(Keys.LAYER, a.layer().id());
            }
        }
        ArrayNode locks = result.putArray(Keys.LOCKS);
        for (Lock lock : assignment.locks()) {
            ObjectNode l = locks.addObject();
            if (lock instanceof Lock.HiddenLayer h) {
                l.put(Keys.KIND, HIDE_LAYER);
                l.put(Keys.LAYER, h.kind().id());
            } else if (lock instanceof Lock.FixedSetting f) {
                l.put(Keys.KIND, FIX_SETTING);
                l.put(Keys.SETTING, f.setting().id());
            } else {
                l.put(Keys.KIND, FIX_DATASET);
            }
            l.put(Keys.REASON, lock.reason());
        }
        return result;
    }
}
