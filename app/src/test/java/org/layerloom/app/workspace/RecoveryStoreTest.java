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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.TestProjects;

class RecoveryStoreTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void autosaved_work_is_left_behind_until_it_is_saved() throws Exception {
        RecoveryStore store = new RecoveryStore(folder);
        AtomicReference<Optional<Autosaver.Work>> dirty = new AtomicReference<>(
                Optional.of(new Autosaver.Work(TestProjects.mlp(), Optional.of(folder.resolve("digits.loom")))));
        Autosaver autosaver = new Autosaver(store.newSlot(), dirty::get, Runnable::run, NOON);

        assertThat(autosaver.autosave()).isTrue();
        List<RecoveryStore.Snapshot> found = store.leftBehind();

        assertThat(found).singleElement().satisfies(s -> {
            assertThat(ProjectFiles.toJson(s.project())).isEqualTo(ProjectFiles.toJson(TestProjects.mlp()));
            assertThat(s.file()).contains(folder.resolve("digits.loom").toAbsolutePath());
            assertThat(s.savedAt()).isEqualTo(NOON.instant());
            assertThat(s.describe()).contains("digits.loom");
        });

        autosaver.clear();
        assertThat(store.leftBehind()).isEmpty();
    }

    @Test
    void nothing_is_written_while_the_work_is_unchanged() {
        RecoveryStore store = new RecoveryStore(folder);
        Autosaver autosaver = new Autosaver(store.newSlot(), Optional::empty, Runnable::run, NOON);

        assertThat(autosaver.autosave()).isFalse();
        assertThat(store.leftBehind()).isEmpty();
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
            Autosaver autosaver = new Autosaver(store.newSlot(),
                    () -> Optional.of(new Autosaver.Work(project, Optional.empty())), Runnable::run, Clock.systemUTC());
            autosaver.autosave();
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
