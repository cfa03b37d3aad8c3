package org.layerloom.engine.project;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Small helpers for the words of load errors: numbers, lists of names, and "did you mean" guesses. */
final class Words {

    private Words() {
    }

    /** 65536 as "65,536"; 0.001 as "0.001"; 1e9 as "1,000,000,000". */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return whole((long) x);
        }
        return String.valueOf(x);
    }

    static String whole(long x) {
        return String.format(Locale.ROOT, "%,d", x);
    }

    /** {@code "a", "b", "c"}. */
    static String quotedList(Collection<String> names) {
        return names.stream().map(Words::quoted).collect(Collectors.joining(", "));
    }

    static String quoted(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return "\"" + shown + "\"";
    }

    /**
     * The known name nearest to {@code wrong}, ignoring case, if one is at most {@code maxDistance}
     * single-letter edits away.
     */
    static Optional<String> closest(String wrong, Collection<String> known, int maxDistance) {
        String best = null;
        int bestDistance = maxDistance + 1;
        String lowered = wrong.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = editDistance(lowered, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " Did you mean "Dense"?" or "". */
    static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known, 2).map(name -> " Did you mean " + quoted(name) + "?").orElse("");
    }

    /** Levenshtein distance, or any number at least {@code limit} once it is clear it is that large. */
    static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
