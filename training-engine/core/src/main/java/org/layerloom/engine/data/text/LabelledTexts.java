package org.layerloom.engine.data.text;

import java.util.List;

/** Texts with a class each, as read from a table or folders, and notes on what was skipped. Immutable. */
record LabelledTexts(List<String> texts, int[] labels, List<String> classNames, List<String> notes) {
}
