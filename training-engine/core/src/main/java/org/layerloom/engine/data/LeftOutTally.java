package org.layerloom.engine.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what one load leaves out, by reason, keeping the first few places of each, and hands the result over
 * as {@link LeftOut} entries in the order of {@link LeftOutReason}. Mutable; used by one load, on its thread.
 */
public final class LeftOutTally {

    private final Map<LeftOutReason, Integer> counts = new EnumMap<>(LeftOutReason.class);
    private final Map<LeftOutReason, List<String>> places = new EnumMap<>(LeftOutReason.class);

    /** Records one example left out for {@code reason} at {@code place} ("data.csv line 17", "cat/x.webp"). */
    public void add(LeftOutReason reason, String place) {
        counts.merge(reason, 1, Integer::sum);
        List<String> first = places.computeIfAbsent(reason, r -> new ArrayList<>());
        if (first.size() < LeftOut.LISTED) {
            first.add(place);
        }
    }

    /** Adds entries counted elsewhere (e.g. by the test file's load). */
    public void addAll(List<LeftOut> entries) {
        for (LeftOut entry : entries) {
            counts.merge(entry.reason(), entry.count(), Integer::sum);
            List<String> first = places.computeIfAbsent(entry.reason(), r -> new ArrayList<>());
            for (String place : entry.places()) {
                if (first.size() < LeftOut.LISTED) {
                    first.add(place);
                }
            }
        }
    }

    /** How many examples were left out in all. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The entries so far, one per reason, in the order of {@link LeftOutReason}. */
    public List<LeftOut> entries() {
        List<LeftOut> entries = new ArrayList<>();
        counts.forEach((reason, n) -> entries.add(new LeftOut(reason, n, places.get(reason))));
        return entries;
    }
}
