package org.layerloom.app.check;

import java.util.Locale;

/** How counts are written for people: with thousands separators, the same on every platform. Any thread. */
public final class Numbers {

    private Numbers() {
    }

    /** E.g. {@code 55,050}. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** E.g. {@code 1 error}, {@code 3 errors}, for nouns whose plural ends in s. */
    public static String counted(long n, String noun) {
        return grouped(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
