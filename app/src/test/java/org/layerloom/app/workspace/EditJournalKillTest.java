package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.project.EditJournal;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Kills a JVM that edits ({@link ScriptedEditor}) with SIGKILL ({@code destroyForcibly}) at a random moment, then
 * restores its work as the next start does ({@link RecoveryStore#leftBehind()}): every edit committed more than a
 * second before the kill must be there, and the restored project must be exactly the state after some number of
 * the script's edits, never a corrupt or mixed one. Trials run two at a time; the seed is printed so that a
 * failure can be replayed with {@code -Djournal.seed=...}.
 */
class EditJournalKillTest {

    private static final int TRIALS = 50;
    private static final int PAUSE_MS = 8;
    private static final long DURABLE_AFTER_MS = 1000;
    private static final Pattern EDIT = Pattern.compile("edit (\\d+) committed at (\\d+)");

    @TempDir
    Path dir;

    /** What one trial saw. */
    private record Trial(int number, long delayMs, int committed, int olderThanASecond, int restored,
                         boolean tornTail) {
    }

    @Test
    void a_killed_editor_loses_no_edit_older_than_a_second_and_never_leaves_a_corrupt_project() throws Exception {
        long seed = Long.getLong("journal.seed", System.nanoTime());
        List<String> states = expectedStates();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Trial> trials = new ArrayList<>();
        try {
            List<Future<Trial>> running = new ArrayList<>();
            for (int i = 0; i < TRIALS; i++) {
                int number = i;
                long delay = 50 + new Random(seed + i).nextInt(1451);
                running.add(pool.submit(() -> trial(number, delay, states)));
            }
            for (Future<Trial> trial : running) {
                trials.add(trial.get());
            }
        } finally {
            pool.shutdownNow();
        }

        int made = trials.stream().mapToInt(Trial::committed).sum();
        int old = trials.stream().mapToInt(Trial::olderThanASecond).sum();
        int lost = trials.stream().mapToInt(t -> Math.max(0, t.committed() - t.restored())).sum();
        int lostOld = trials.stream().mapToInt(t -> Math.max(0, t.olderThanASecond() - t.restored())).sum();
        long torn = trials.stream().filter(Trial::tornTail).count();
        System.out.printf("Edit journal kill test (seed %d): %d trials, %d edits made, %d of them older than 1 s at"
                + " the kill; edits lost: %d in all, %d older than 1 s; %d journals with a torn last record%n",
                seed, trials.size(), made, old, lost, lostOld, torn);
        assertThat(trials).hasSize(TRIALS);
        assertThat(lostOld).isZero();
        assertThat(old).as("the trials must test something").isPositive();
    }

    /** The project's text after 0, 1, 2... edits of the script, computed here without any journal. */
    private static List<String> expectedStates() {
        ProjectSession session = ScriptedEditor.newSession();
        List<String> states = new ArrayList<>();
        states.add(ProjectFiles.toJson(session.project()));
        for (int k = 1; k <= ScriptedEditor.EDITS; k++) {
            ScriptedEditor.apply(k, session);
            states.add(ProjectFiles.toJson(session.project()));
        }
        return states;
    }

    private Trial trial(int number, long delayMs, List<String> states) throws Exception {
        Path recovery = dir.resolve("trial-" + number);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ScriptedEditor.class.getName(), recovery.toString(),
                Integer.toString(PAUSE_MS)).redirectErrorStream(true).start();
        List<long[]> committed = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher edit = EDIT.matcher(line);
                    if (edit.matches()) {
                        committed.add(new long[] {Long.parseLong(edit.group(1)), Long.parseLong(edit.group(2))});
                    } else if (line.equals(ScriptedEditor.READY)) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the pipe closes with the killed process
            }
        });
        reader.start();
        long killedAt;
        try {
            assertThat(ready.await(120, TimeUnit.SECONDS)).as("the editor JVM %d started", number).isTrue();
            Thread.sleep(delayMs);
            killedAt = System.currentTimeMillis();
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        reader.join(60_000);

        int made = committed.size();
        int old = (int) committed.stream().filter(e -> e[1] < killedAt - DURABLE_AFTER_MS).count();
        List<RecoveryStore.Snapshot> found = new RecoveryStore(recovery).leftBehind();
        int restored = 0;
        if (old > 0) {
            assertThat(found).as("trial %d: %d edits older than 1 s", number, old).hasSize(1);
        }
        if (!found.isEmpty()) {
            String text = ProjectFiles.toJson(found.get(0).project());
            restored = -1;
            // The edit after the last one printed may have been committed just before the kill.
            for (int k = Math.min(made + 1, ScriptedEditor.EDITS); k >= 1; k--) {
                if (states.get(k).equals(text)) {
                    restored = k;
                    break;
                }
            }
            assertThat(restored).as("trial %d: the restored project is the state after some prefix of the edits"
                    + " (%d edits printed, %d older than 1 s; it is the unedited project: %s; it first differs from"
                    + " the state after %d edits at character %d)", number, made, old, states.get(0).equals(text),
                    made, firstDifference(states.get(Math.min(made, ScriptedEditor.EDITS)), text)).isPositive();
            assertThat(restored).as("trial %d: every edit older than 1 s is restored", number)
                    .isGreaterThanOrEqualTo(old);
        }
        boolean torn = false;
        try (var journals = Files.list(recovery)) {
            for (Path journal : journals.filter(f -> f.toString().endsWith(".journal")).toList()) {
                torn |= EditJournal.read(journal).damage().isPresent();
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing was committed before the kill
        }
        return new Trial(number, delayMs, made, old, restored, torn);
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }
}
