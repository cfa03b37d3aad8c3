package org.layerloom.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-machine cache of measured training times. */
class SampleTimeCacheTest {

    @TempDir
    Path config;

    @Test
    void a_measurement_is_remembered_for_this_machine_only() {
        Path file = config.resolve("layerloom").resolve("sample-times.properties");
        new SampleTimeCache(file, "machine-a").put("spirals", 2.5);

        assertThat(new SampleTimeCache(file, "machine-a").minutes("spirals")).hasValue(2.5);
        assertThat(new SampleTimeCache(file, "machine-a").minutes("moons")).isEmpty();
        assertThat(new SampleTimeCache(file, "machine-b").minutes("spirals")).isEmpty();

        new SampleTimeCache(file, "machine-b").put("spirals", 7);
        assertThat(new SampleTimeCache(file, "machine-a").minutes("spirals")).hasValue(2.5);
        assertThat(new SampleTimeCache(file, "machine-b").minutes("spirals")).hasValue(7.0);
    }

    @Test
    void a_damaged_file_counts_as_not_measured() throws Exception {
        Path file = config.resolve("sample-times.properties");
        Files.writeString(file, "machine-a.spirals=fast\nmachine-a.moons=-3\n");
        SampleTimeCache cache = new SampleTimeCache(file, "machine-a");

        assertThat(cache.minutes("spirals")).isEmpty();
        assertThat(cache.minutes("moons")).isEmpty();
        cache.put("moons", 1.5);
        assertThat(cache.minutes("moons")).hasValue(1.5);
    }
}
