package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MomentsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void an_autosave_time_reads_as_a_day_and_a_minute_in_the_local_zone() {
        assertThat(Moments.describe(Instant.parse("2026-12-06T05:26:57.427530130Z"), NOW, BERLIN))
                .isEqualTo("today at 06:26");
        assertThat(Moments.describe(Instant.parse("2026-12-05T22:10:00Z"), NOW, BERLIN))
                .isEqualTo("yesterday at 23:10");
        assertThat(Moments.describe(Instant.parse("2026-12-04T08:00:00Z"), NOW, BERLIN))
                .isEqualTo("4 Dec at 09:00");
        assertThat(Moments.describe(Instant.parse("2025-11-30T08:00:00Z"), NOW, BERLIN))
                .isEqualTo("30 Nov 2025 at 09:00");
    }

    @Test
    void midnight_in_the_local_zone_decides_the_day_not_utc() {
        // 23:30 UTC on the 5th is already the 6th in Berlin.
        assertThat(Moments.describe(Instant.parse("2026-12-05T23:30:00Z"), NOW, BERLIN)).isEqualTo("today at 00:30");
    }
}
