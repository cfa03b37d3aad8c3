package org.layerloom.app.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as a student reads it, in their time zone and to the minute: "today at 05:26", "yesterday at
 * 23:10", "4 Dec at 09:00", "4 Dec 2025 at 09:00" (another year). Used for when work was autosaved.
 * Immutable; any thread.
 */
public final class Moments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_OF_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Moments() {
    }

    /** {@code at} in the system's time zone, seen now. */
    public static String describe(Instant at) {
        return describe(at, Instant.now(), ZoneId.systemDefault());
    }

    /** {@code at} in {@code zone}, seen at {@code now}. */
    public static String describe(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime when = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = when.toLocalDate();
        String time = TIME.format(when);
        if (day.equals(today)) {
            return "today at " + time;
        }
        if (day.equals(today.minusDays(1))) {
            return "yesterday at " + time;
        }
        return (day.getYear() == today.getYear() ? DAY : DAY_OF_YEAR).format(when) + " at " + time;
    }
}
