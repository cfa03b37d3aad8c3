package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.project.EditJournal;
import org.layerloom.engine.project.JournalRecord;
import org.layerloom.engine.project.JournalWriter;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.TestProjects;

class RecoveryStoreTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private static String json(Project project) {
        return ProjectFiles.toJson(project);
    }

    @Test
    void autosaved_work_is_left_behind_until_it_is_saved() throws Exception {
        RecoveryStore store = new RecoveryStore(folder);
        RecoveryStore.Slot slot = store.newSlot();
        JournalWriter journal = new JournalWriter(slot.newJournal(), io, problem -> { });
        AtomicReference<Optional<Autosaver.Work>> dirty = new AtomicReference<>(
                Optional.of(new Autosaver.Work(TestProjects.mlp(), Optional.of(folder.resolve("digits.loom")))));
        Autosaver autosaver = new Autosaver(slot, dirty::get, journal, NOON);

        assertThat(autosaver.autosave()).isTrue();
        journal.flush().get(10, TimeUnit.SECONDS);
        List<RecoveryStore.Snapshot> found = store.leftBehind();

        assertThat(found).singleElement().satisfies(s -> {
            assertThat(json(s.project())).isEqualTo(json(TestProjects.mlp()));
            assertThat(s.file()).contains(folder.resolve("digits.loom").toAbsolutePath());
            assertThat(s.savedAt()).isEqualTo(NOON.instant());
            assertThat(s.journaledEdits()).isZero();
            assertThat(s.describe()).contains("digits.loom");
        });

        autosaver.clear();
        journal.flush().get(10, TimeUnit.SECONDS);
        assertThat(store.leftBehind()).isEmpty();
    }

    @Test
    void nothing_is_written_while_the_work_is_unchanged() throws Exception {
        RecoveryStore store = new RecoveryStore(folder);
        RecoveryStore.Slot slot = store.newSlot();
        JournalWriter journal = new JournalWriter(slot.newJournal(), io, problem -> { });
        Autosaver autosaver = new Autosaver(slot, Optional::empty, journal, NOON);

        assertThat(autosaver.autosave()).isFalse();
        journal.flush().get(10, TimeUnit.SECONDS);
        assertThat(store.leftBehind()).isEmpty();
    }

    @Test
    void journaled_edits_newer_than_the_autosave_are_replayed_onto_it() throws Exception {
        RecoveryStore store = new RecoveryStore(folder);
        RecoveryStore.Slot slot = store.newSlot();
        slot.write(TestProjects.moons(2), Optional.empty(), NOON.instant(), 2);
        try (EditJournal journal = slot.newJournal()) {
            // Edits 1 and 2 are in the autosave already (a crash between its write and the journal's reset).
            for (int sequence = 1; sequence <= 5; sequence++) {
                journal.append(new JournalRecord(sequence, NOON.instant().plusSeconds(sequence),
                        Optional.of(folder.resolve("moons.loom")), TestProjects.moons(sequence)));
            }
        }

        RecoveryStore.Snapshot found = store.leftBehind().get(0);

        assertThat(json(found.project())).isEqualTo(json(TestProjects.moons(5)));
        assertThat(found.journaledEdits()).isEqualTo(3);
        assertThat(found.sequence()).isEqualTo(5);
        assertThat(found.savedAt()).isEqualTo(NOON.instant().plusSeconds(5));
        assertThat(found.file()).contains(folder.resolve("moons.loom").toAbsolutePath());
        assertThat(found.recovered()).startsWith("3 edits recovered from the journal, the last made ");
    }

    @Test
    void a_journal_torn_by_a_crash_gives_its_intact_edits_and_a_journal_alone_is_enough() throws Exception {
        RecoveryStore store = new RecoveryStore(folder);
        RecoveryStore.Slot slot = store.newSlot();
        try (EditJournal journal = slot.newJournal()) {
            journal.append(new JournalRecord(1, NOON.instant(), Optional.empty(), TestProjects.moons(7)));
            journal.append(new JournalRecord(2, NOON.instant(), Optional.empty(), TestProjects.moons(8)));
        }
        Path file = slot.newJournal().file();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));

        assertThat(store.leftBehind()).singleElement().satisfies(s -> {
            assertThat(json(s.project())).isEqualTo(json(TestProjects.moons(7)));
            assertThat(s.journaledEdits()).isEqualTo(1);
            assertThat(s.describe()).contains("never saved");
        });
    }

    @Test
    void a_damaged_recovery_file_is_skipped() throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("x.recovery.json"), "{\"project\": 12");

        assertThat(new RecoveryStore(folder).leftBehind()).isEmpty();
    }

    /** A real crash: a second JVM autosaves, is killed with SIGKILL, and its work is found afterwards. */
    @Test
    void work_autosaved_by_a_killed_jvm_is_offered_at_the_next_start() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AutosavingChild.class.getName(), folder.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(AutosavingChild.READY));
            assertThat(line).as("the child JVM autosaved").isEqualTo(AutosavingChild.READY);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        List<RecoveryStore.Snapshot> found = new RecoveryStore(folder).leftBehind();

        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.project().name()).isEqualTo(AutosavingChild.PROJECT_NAME);
            assertThat(s.file()).isEmpty();
        });
    }

    /** The process that gets killed: autosaves an unsaved project, says so, then keeps working forever. */
    public static final class AutosavingChild {

        static final String READY = "autosaved";
        static final String PROJECT_NAME = "Unsaved spiral experiment";

        public static void main(String[] args) throws Exception {
            RecoveryStore store = new RecoveryStore(Path.of(args[0]));
            Project project = TestProjects.moons(3).withName(PROJECT_NAME);
            store.newSlot().write(project, Optional.empty(), Instant.now(), 0);
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
