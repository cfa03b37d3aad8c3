package org.layerloom.app.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerloom.engine.inspect.perturb.MapAgreement;

/**
 * Where the explanation methods agree, in one sentence a student can read: for images, each pair's share of
 * their top 10 % pixels (saying which pairs point at the same place and which do not); for other inputs,
 * which input each method finds matters most (the largest weight in size). Stateless; any thread.
 */
final class Agreement {

    static final double TOP = 0.10;

    private Agreement() {
    }

    /**
     * The sentence for maps of one image (same length), by method name in the order to name them; methods
     * without a map are left out.
     */
    static String ofMaps(Map<String, float[]> maps) {
        List<String> names = new ArrayList<>(maps.keySet());
        if (names.size() < 2) {
            return "";
        }
        List<String> agree = new ArrayList<>();
        List<String> disagree = new ArrayList<>();
        Map<String, Double> overlaps = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double overlap = MapAgreement.topOverlap(maps.get(names.get(i)), maps.get(names.get(j)), TOP);
                String pair = names.get(i) + " and " + names.get(j);
                overlaps.put(pair, overlap);
                (overlap >= 0.5 ? agree : overlap < 0.2 ? disagree : new ArrayList<String>()).add(pair);
            }
        }
        StringBuilder sentence = new StringBuilder("Overlap of each pair's top 10 % pixels: ");
        List<String> parts = new ArrayList<>();
        overlaps.forEach((pair, overlap) -> parts.add(pair + String.format(Locale.ROOT, " %.0f %%", 100 * overlap)));
        sentence.append(String.join(", ", parts)).append(". ");
        if (!agree.isEmpty()) {
            sentence.append(capitalised(String.join("; ", agree))).append(agree.size() == 1 ? " point" : " each point")
                    .append(" at the same place. ");
        }
        if (!disagree.isEmpty()) {
            sentence.append(capitalised(String.join("; ", disagree))).append(disagree.size() == 1 ? " disagrees" : " disagree")
                    .append(": they point at different parts of the image.");
        }
        return sentence.toString().strip();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The sentence for a vector or text input: the input each method ranks first, by method name. */
    static String ofTopInputs(Map<String, String> firsts) {
        if (firsts.size() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        firsts.forEach((method, input) -> parts.add(method + " ranks \u201c" + input + "\u201d first"));
        boolean same = firsts.values().stream().distinct().count() == 1;
        return String.join("; ", parts) + (same ? ": they agree." : ": they disagree on what matters most.");
    }
}
