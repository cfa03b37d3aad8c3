package org.layerloom.engine.data.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.Dataset;

/**
 * What a loaded dataset looks like, as sentences to read before any advice to change the network: its
 * description (how many examples, inputs and classes), columns read as categories whose values look like
 * numbers (a decimal comma, a unit, a currency sign), what the loader left out, and its other notes. A shape
 * mismatch puts these first, so that a student does not change the Input to fit broken data.
 * Stateless; any thread.
 */
public final class DataFindings {

    /** At most this many loader notes are repeated. */
    static final int NOTES = 4;
    private static final int EXAMPLES = 3;

    private DataFindings() {
    }

    /** The description first, then whatever looks wrong or was changed (possibly nothing more). */
    public static List<String> of(Dataset dataset) {
        List<String> findings = new ArrayList<>();
        findings.add(dataset.description());
        findings.addAll(numericLookingCategories(dataset.report().featureNames()));
        dataset.report().use().filter(use -> use.leftOutTotal() > 0).map(DataUse::sentence).ifPresent(findings::add);
        dataset.report().notes().stream().limit(NOTES).forEach(findings::add);
        if (dataset.report().notes().size() > NOTES) {
            findings.add("(" + (dataset.report().notes().size() - NOTES) + " more notes in the data doctor.)");
        }
        return findings;
    }

    /** Whether anything beyond the description was found: a sign that the data, not the network, needs fixing. */
    public static boolean suspicious(Dataset dataset) {
        return of(dataset).size() > 1;
    }

    /** "'price' was read as 5 categories, not as numbers (\"1.234,5\", \"12,0\", …)": one input per category. */
    static List<String> numericLookingCategories(List<String> featureNames) {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (String name : featureNames) {
            int eq = name.indexOf('=');
            if (eq > 0) {
                categories.computeIfAbsent(name.substring(0, eq), k -> new ArrayList<>()).add(name.substring(eq + 1));
            }
        }
        List<String> findings = new ArrayList<>();
        categories.forEach((column, values) -> {
            long withDigits = values.stream().filter(v -> v.chars().anyMatch(Character::isDigit)).count();
            if (values.size() > 2 && withDigits * 2 >= values.size()) {
                findings.add(String.format(Locale.ROOT, "The column '%s' was read as %d categories, one input each,"
                        + " not as numbers (%s%s): if it means amounts, write them as plain numbers.", column,
                        values.size(), String.join(", ", values.stream().limit(EXAMPLES).map(v -> "\"" + v + "\"")
                                .toList()), values.size() > EXAMPLES ? ", …" : ""));
            }
        });
        return findings;
    }
}
