package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard's decisions, with a stand-in switch and self-test whose default (oneDNN) kernels fail the way
 * they did on an AVX-512 machine: oneDNN goes off, the choice is remembered per machine, a remembered
 * choice skips the failing test, and the policies "default" and "onednn-off" are obeyed.
 */
class KernelGuardTest {

    private static final MachineKey MACHINE = new MachineKey("Test CPU", "0.35.0", "2.7.1", "", "abc123");
    private static final CaseResult WRONG = new CaseResult("conv2d 20→8 channels, 6×6, stride 1", 0.51, 0, "",
            false);
    private static final CaseResult RIGHT = new CaseResult("conv2d 20→8 channels, 6×6, stride 1", 1e-6, 1e-7, "",
            true);

    @TempDir
    Path folder;

    /** A switch and a self-test that fails while oneDNN is on (when {@code oneDnnFails}). */
    /** A stand-in for libtorch's oneDNN switch: on at first, and every switch takes. */
    private abstract static class FakeSwitch implements KernelSwitch {
        boolean oneDnn = true;

        @Override
        public boolean set(boolean on) {
            oneDnn = on;
            return true;
        }
    }

    private static final class Machine extends FakeSwitch {
        private final boolean oneDnnFails;
        private int tests;

        Machine(boolean oneDnnFails) {
            this.oneDnnFails = oneDnnFails;
        }

        SelfTestReport test() {
            tests++;
            return new SelfTestReport(List.of(oneDnn && oneDnnFails ? WRONG : RIGHT), 5);
        }
    }

    /**
     * A switch and the real self-test's case names, of which the convolutions fail on oneDNN and the
     * recurrences in training pass on it, unless {@code recurrencesFailInWindow}.
     */
    private static final class RecurrentMachine extends FakeSwitch {
        private final boolean recurrencesFailInWindow;
        private final List<Boolean> armedDuringTests = new ArrayList<>();

        RecurrentMachine(boolean recurrencesFailInWindow) {
            this.recurrencesFailInWindow = recurrencesFailInWindow;
        }

        SelfTestReport test() {
            armedDuringTests.add(RecurrentOneDnn.isArmed());
            List<CaseResult> results = new ArrayList<>();
            for (KernelCase kernelCase : KernelSelfTest.cases()) {
                boolean training = kernelCase instanceof RecurrentCase r && r.recordsGradients();
                boolean wrong = oneDnn && !training
                        || training && recurrencesFailInWindow && RecurrentOneDnn.isArmed();
                results.add(new CaseResult(kernelCase.name(), wrong ? 0.51 : 1e-6, 1e-7, "", !wrong));
            }
            return new SelfTestReport(results, 5);
        }
    }

    @AfterEach
    void disarm() {
        RecurrentOneDnn.disarm();
    }

    @Test
    void recurrences_in_training_stay_on_onednn_where_only_they_pass_and_the_choice_is_remembered() {
        RecurrentMachine machine = new RecurrentMachine(false);
        KernelGuard first = new KernelGuard(KernelMode.AUTO, machine::test, () -> Optional.of(machine),
                new VerdictStore(folder.resolve("kernels.json")), MACHINE);

        KernelVerdict verdict = first.choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN_FOR_TRAINING_RECURRENCES);
        assertThat(verdict.verified()).isTrue();
        assertThat(machine.oneDnn).as("oneDNN is off but for the recurrences' window").isFalse();
        assertThat(RecurrentOneDnn.isArmed()).isTrue();
        assertThat(machine.armedDuringTests).as("oneDNN on, then the chosen mix").containsExactly(false, true);
        assertThat(verdict.describe()).startsWith("libtorch kernels, oneDNN for training LSTMs and checked convolution networks,"
                + " self-test passed (oneDNN failed the self-test: conv2d 1→32");
        assertThat(verdict.asMap()).containsEntry("choice", "onednn-for-training-recurrences");

        RecurrentOneDnn.disarm();
        RecurrentMachine later = new RecurrentMachine(false);
        KernelVerdict remembered = new KernelGuard(KernelMode.AUTO, later::test, () -> Optional.of(later),
                new VerdictStore(folder.resolve("kernels.json")), MACHINE).choose();

        assertThat(remembered.choice()).isEqualTo(KernelChoice.ONEDNN_FOR_TRAINING_RECURRENCES);
        assertThat(remembered.remembered()).isTrue();
        assertThat(later.armedDuringTests).as("only the chosen mix is tested").containsExactly(true);
        assertThat(RecurrentOneDnn.isArmed()).isTrue();
    }

    @Test
    void recurrences_that_fail_in_their_window_leave_onednn_off_for_everything() {
        RecurrentMachine machine = new RecurrentMachine(true);

        KernelVerdict verdict = new KernelGuard(KernelMode.AUTO, machine::test, () -> Optional.of(machine),
                new VerdictStore(folder.resolve("kernels.json")), MACHINE).choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN_OFF);
        assertThat(verdict.verified()).isTrue();
        assertThat(RecurrentOneDnn.isArmed()).isFalse();
        assertThat(machine.armedDuringTests).containsExactly(false, true, false);
    }

    private KernelGuard guard(KernelMode mode, Machine machine, boolean hasSwitch) {
        return new KernelGuard(mode, machine::test, () -> hasSwitch ? Optional.of(machine) : Optional.empty(),
                new VerdictStore(folder.resolve("kernels.json")), MACHINE);
    }

    @Test
    void correct_default_kernels_are_kept() {
        Machine machine = new Machine(false);

        KernelVerdict verdict = guard(KernelMode.AUTO, machine, true).choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN);
        assertThat(verdict.verified()).isTrue();
        assertThat(machine.oneDnn).isTrue();
        assertThat(verdict.describe()).isEqualTo("oneDNN kernels, self-test passed");
    }

    @Test
    void wrong_default_kernels_switch_onednn_off_and_the_choice_is_remembered() {
        Machine first = new Machine(true);

        KernelVerdict verdict = guard(KernelMode.AUTO, first, true).choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN_OFF);
        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.defaultPassed()).isFalse();
        assertThat(first.oneDnn).isFalse();
        assertThat(verdict.describe()).isEqualTo("libtorch kernels, oneDNN off, self-test passed (oneDNN failed the"
                + " self-test: conv2d 20→8 channels, 6×6, stride 1: forward off by 0.51)");
        assertThat(verdict.asMap()).containsEntry("choice", "onednn-off").containsEntry("verified", true);

        Machine later = new Machine(true);
        KernelVerdict remembered = guard(KernelMode.AUTO, later, true).choose();

        assertThat(remembered.choice()).isEqualTo(KernelChoice.ONEDNN_OFF);
        assertThat(remembered.remembered()).isTrue();
        assertThat(later.tests).as("only the chosen kernels are tested").isEqualTo(1);
        assertThat(later.oneDnn).isFalse();
    }

    @Test
    void without_a_switch_the_failure_is_stated_not_hidden() {
        KernelVerdict verdict = guard(KernelMode.AUTO, new Machine(true), false).choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN);
        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.describe()).startsWith("oneDNN kernels, FAILED the self-test (conv2d 20→8")
                .endsWith("values may be wrong");
    }

    @Test
    void the_default_policy_keeps_onednn_and_reports_its_failure() {
        Machine machine = new Machine(true);

        KernelVerdict verdict = guard(KernelMode.DEFAULT, machine, true).choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN);
        assertThat(machine.oneDnn).isTrue();
        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.describe()).endsWith("[LAYERLOOM_KERNELS=default]");
    }

    @Test
    void the_onednn_off_policy_switches_it_off_without_testing_the_default() {
        Machine machine = new Machine(false);

        KernelVerdict verdict = guard(KernelMode.ONEDNN_OFF, machine, true).choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN_OFF);
        assertThat(machine.oneDnn).isFalse();
        assertThat(machine.tests).isEqualTo(1);
        assertThat(verdict.describe()).isEqualTo("libtorch kernels, oneDNN off, self-test passed"
                + " [LAYERLOOM_KERNELS=onednn-off]");
    }

    @Test
    void a_mode_that_names_nothing_is_read_as_auto_and_said_to_be_ignored() {
        String before = System.getProperty("layerloom.kernels");
        System.setProperty("layerloom.kernels", "fastest");
        try {
            assertThat(KernelMode.current()).isEqualTo(KernelMode.AUTO);
            KernelVerdict verdict = guard(KernelMode.current(), new Machine(false), true).choose();

            assertThat(verdict.describe()).isEqualTo("oneDNN kernels, self-test passed [LAYERLOOM_KERNELS=fastest"
                    + " ignored: use auto, default or onednn-off]");
        } finally {
            if (before == null) {
                System.clearProperty("layerloom.kernels");
            } else {
                System.setProperty("layerloom.kernels", before);
            }
        }
    }

    @Test
    void a_damaged_store_is_read_as_empty() throws Exception {
        java.nio.file.Files.writeString(folder.resolve("kernels.json"), "{ not json");
        Machine machine = new Machine(true);

        KernelVerdict verdict = guard(KernelMode.AUTO, machine, true).choose();

        assertThat(verdict.choice()).isEqualTo(KernelChoice.ONEDNN_OFF);
        assertThat(verdict.remembered()).isFalse();
    }
}
