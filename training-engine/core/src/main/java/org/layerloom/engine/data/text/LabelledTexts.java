package org.layerloom.engine.data.text;

import java.util.List;
import org.layerloom.engine.data.LeftOut;

/**
 * Texts with a class each, as read from a table or folders; notes on what was skipped or changed, and what was
 * left out counted by reason and place ({@code counted} is false where rows with another number of values were
 * skipped by the table reader, which does not hand over their count). Immutable.
 */
record LabelledTexts(List<String> texts, int[] labels, List<String> classNames, List<String> notes,
                     List<LeftOut> leftOut, boolean counted) {

    LabelledTexts {
        notes = List.copyOf(notes);
        leftOut = List.copyOf(leftOut);
    }
}
