package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.testing.TestProjects;

class EditJournalTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00.250Z");

    @TempDir
    Path dir;

    private static JournalRecord record(long sequence, int epochs) {
        return new JournalRecord(sequence, T0.plusSeconds(sequence), sequence % 2 == 0 ? Optional.empty()
                : Optional.of(Path.of("/tmp/some folder/ünïcode.loom")), TestProjects.moons(epochs));
    }

    @Test
    void records_come_back_as_they_were_appended() throws Exception {
        Path file = dir.resolve("a.journal");
        try (EditJournal journal = new EditJournal(file)) {
            for (int i = 1; i <= 3; i++) {
                journal.append(record(i, i + 1));
            }
        }

        EditJournal.Contents read = EditJournal.read(file);

        assertThat(read.damage()).isEmpty();
        assertThat(read.records()).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            JournalRecord back = read.records().get(i - 1);
            assertThat(back.sequence()).isEqualTo(i);
            assertThat(back.at()).isEqualTo(T0.plusSeconds(i));
            assertThat(back.file()).isEqualTo(record(i, 0).file());
            assertThat(ProjectFiles.toJson(back.project())).isEqualTo(ProjectFiles.toJson(TestProjects.moons(i + 1)));
        }
    }

    @Test
    void a_journal_cut_anywhere_gives_the_records_before_the_cut() throws Exception {
        byte[] first = EditJournal.encode(record(1, 2));
        byte[] second = EditJournal.encode(record(2, 3));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Path file = dir.resolve("cut.journal");
        for (int cut = 0; cut <= both.length; cut++) {
            Files.write(file, java.util.Arrays.copyOf(both, cut));

            EditJournal.Contents read = EditJournal.read(file);

            int whole = cut < first.length ? 0 : cut < both.length ? 1 : 2;
            assertThat(read.records()).as("cut at %d", cut).hasSize(whole);
            assertThat(read.damage().isPresent()).as("cut at %d", cut)
                    .isEqualTo(cut != 0 && cut != first.length && cut != both.length);
        }
    }

    @Test
    void a_flipped_byte_in_a_payload_stops_the_replay_there() throws Exception {
        byte[] first = EditJournal.encode(record(1, 2));
        byte[] second = EditJournal.encode(record(2, 3));
        second[second.length - 40] ^= 0x01;
        Path file = dir.resolve("flip.journal");
        Files.write(file, first);
        Files.write(file, second, java.nio.file.StandardOpenOption.APPEND);

        EditJournal.Contents read = EditJournal.read(file);

        assertThat(read.records()).extracting(JournalRecord::sequence).containsExactly(1L);
        assertThat(read.damage()).hasValueSatisfying(why -> assertThat(why).contains("CRC32"));
    }

    @Test
    void a_sequence_that_does_not_grow_stops_the_replay() throws Exception {
        Path file = dir.resolve("seq.journal");
        try (EditJournal journal = new EditJournal(file)) {
            journal.append(record(5, 2));
            journal.append(record(5, 3));
        }

        EditJournal.Contents read = EditJournal.read(file);

        assertThat(read.records()).extracting(JournalRecord::sequence).containsExactly(5L);
        assertThat(read.damage()).hasValueSatisfying(why -> assertThat(why).contains("sequence 5 after 5"));
    }

    @Test
    void a_journal_is_in_use_while_it_is_open_for_writing() throws Exception {
        Path file = dir.resolve("live.journal");
        EditJournal journal = new EditJournal(file);
        journal.append(record(1, 2));
        assertThat(EditJournal.inUse(file)).isTrue();

        journal.close();
        assertThat(EditJournal.inUse(file)).isFalse();
        journal.append(record(2, 3));
        assertThat(EditJournal.inUse(file)).as("opened again").isTrue();
        journal.delete();
        assertThat(file).doesNotExist();
        assertThat(EditJournal.inUse(file)).isFalse();
    }

    @Test
    void a_missing_journal_is_empty_and_not_damaged() throws Exception {
        EditJournal.Contents read = EditJournal.read(dir.resolve("none.journal"));

        assertThat(read.records()).isEmpty();
        assertThat(read.damage()).isEmpty();
    }

    @Test
    void the_writer_appends_in_the_background_and_empties_the_journal_after_a_snapshot() throws Exception {
        ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();
        List<String> problems = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("w.journal");
        Path snapshot = dir.resolve("snapshot");
        try {
            JournalWriter writer = new JournalWriter(new EditJournal(file), io, problems::add);
            writer.append(record(1, 2));
            writer.append(record(2, 3));
            writer.flush().get(10, TimeUnit.SECONDS);
            assertThat(EditJournal.read(file).records()).extracting(JournalRecord::sequence).containsExactly(1L, 2L);

            writer.afterSnapshot(() -> {
                throw new java.io.IOException("disk full");
            }).handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
            assertThat(EditJournal.read(file).records()).as("a failed snapshot keeps the journal").hasSize(2);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains("disk full"));

            writer.afterSnapshot(() -> Files.writeString(snapshot, "up to 2")).get(10, TimeUnit.SECONDS);
            writer.append(record(3, 4));
            writer.flush().get(10, TimeUnit.SECONDS);
            assertThat(EditJournal.read(file).records()).extracting(JournalRecord::sequence).containsExactly(3L);

            writer.discard(() -> Files.delete(snapshot)).get(10, TimeUnit.SECONDS);
            assertThat(file).doesNotExist();
            assertThat(snapshot).doesNotExist();
        } finally {
            io.shutdownNow();
        }
    }
}
