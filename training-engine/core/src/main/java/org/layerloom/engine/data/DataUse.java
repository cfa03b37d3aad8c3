package org.layerloom.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many examples a load used and what it left out, by reason: the numbers behind "1,482 of 1,500 rows
 * used; 18 left out: 12 with an empty cell (data.csv lines 17, 40, 41, …), 6 …", for the train command, its
 * JSON, the run manifest and the dashboard. {@code noun} names one example ("row", "picture", "text",
 * "example"); {@code used} counts the examples read (before augmentation or a training limit); {@code counted}
 * is false where the loader did not count what it left out (then its notes are the only word on it).
 * Immutable; any thread.
 */
public record DataUse(String noun, int used, List<LeftOut> leftOut, boolean counted) {

    private static final Pattern LINE_PLACE = Pattern.compile("(.+) line (\\d+)");

    public DataUse {
        Objects.requireNonNull(noun, "noun");
        leftOut = List.copyOf(leftOut);
        if (!counted && !leftOut.isEmpty()) {
            throw new IllegalArgumentException("an uncounted load has no left-out entries");
        }
    }

    /** A load that counted what it left out (possibly nothing). */
    public static DataUse counted(String noun, int used, List<LeftOut> leftOut) {
        return new DataUse(noun, used, leftOut, true);
    }

    /** A load whose loader did not count what it left out: only {@code used} is known. */
    public static DataUse uncounted(int used) {
        return new DataUse("example", used, List.of(), false);
    }

    /** How many examples were left out in all (0 when not counted). */
    public int leftOutTotal() {
        return leftOut.stream().mapToInt(LeftOut::count).sum();
    }

    /** Used plus left out. */
    public int total() {
        return used + leftOutTotal();
    }

    /** The same numbers for another count of used examples (e.g. after a test file was added). */
    public DataUse withUsed(int newUsed) {
        return new DataUse(noun, newUsed, leftOut, counted);
    }

    /**
     * The sentence a student reads, e.g. "1,482 of 1,500 rows used; 18 left out: 12 with an empty cell
     * (data.csv lines 17, 40, 41, 55, 60, …)." or "All 150 rows used; none left out."
     */
    public String sentence() {
        if (!counted) {
            return String.format(Locale.ROOT, "%,d %s used.", used, plural(used));
        }
        if (leftOut.isEmpty()) {
            return String.format(Locale.ROOT, "All %,d %s used; none left out.", used, plural(used));
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d %s used; %,d left out: ",
                used, total(), plural(total()), leftOutTotal()));
        for (int i = 0; i < leftOut.size(); i++) {
            LeftOut entry = leftOut.get(i);
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d ", entry.count()))
                    .append(entry.reason().words());
            if (!entry.places().isEmpty()) {
                text.append(" (").append(places(entry.places(), entry.count() > entry.places().size())).append(')');
            }
        }
        return text.append('.').toString();
    }

    /** The numbers as plain maps and lists, for JSON: unit, used, total, leftOut, counted, byReason. */
    public Map<String, Object> summary() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("unit", noun);
        map.put("used", used);
        map.put("counted", counted);
        if (counted) {
            map.put("total", total());
            map.put("leftOut", leftOutTotal());
            List<Map<String, Object>> reasons = new ArrayList<>();
            for (LeftOut entry : leftOut) {
                Map<String, Object> reason = new LinkedHashMap<>();
                reason.put("reason", entry.reason().id());
                reason.put("count", entry.count());
                reason.put("places", entry.places());
                reasons.add(reason);
            }
            map.put("byReason", reasons);
        }
        return map;
    }

    private String plural(int n) {
        return n == 1 ? noun : noun + "s";
    }

    /** "data.csv lines 17, 40, 41, …" where every place is a line of one file; else the places joined. */
    private static String places(List<String> places, boolean more) {
        String file = null;
        List<String> lines = new ArrayList<>();
        for (String place : places) {
            Matcher m = LINE_PLACE.matcher(place);
            if (!m.matches() || (file != null && !file.equals(m.group(1)))) {
                file = null;
                break;
            }
            file = m.group(1);
            lines.add(m.group(2));
        }
        String joined = file != null
                ? file + (lines.size() == 1 && !more ? " line " : " lines ") + String.join(", ", lines)
                : String.join(", ", places);
        return more ? joined + ", …" : joined;
    }
}
