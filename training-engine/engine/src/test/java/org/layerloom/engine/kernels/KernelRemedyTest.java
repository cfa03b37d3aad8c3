package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remedy end to end on the real engine: the real self-test, in which the 20-channel convolution is
 * made wrong while oneDNN is on (as it was on the AVX-512 machine), makes the guard switch the real oneDNN
 * off (for all but recurrent layers in training, where those pass on it), after which the same self-test
 * passes.
 */
class KernelRemedyTest {

    @TempDir
    Path folder;

    @Test
    void a_fault_of_the_onednn_kernels_switches_onednn_off_and_the_native_kernels_pass() {
        Engine engine = Engine.getInstance();
        Optional<OneDnnSwitch> found = OneDnnSwitch.find();
        assumeTrue(found.isPresent(), "this libtorch build does not expose the oneDNN switch");
        OneDnnSwitch oneDnn = found.get();
        boolean before = oneDnn.enabled();
        List<KernelCase> cases = KernelSelfTest.cases().stream()
                // The first case, so that its failure is the first even where oneDNN's kernels really fail.
                .map(c -> c.name().startsWith("conv2d 1→32") ? new FaultyCase(c, out -> out.add(0.5f), null,
                        oneDnn::enabled) : c)
                .toList();
        KernelGuard guard = new KernelGuard(KernelMode.AUTO, () -> KernelSelfTest.run(cases),
                () -> Optional.of(oneDnn), new VerdictStore(folder.resolve("kernels.json")),
                MachineKey.current(Engine.getDjlVersion(), engine.getVersion()));
        try {
            assertThat(oneDnn.set(true)).isTrue();

            boolean recurrencesRightOnOneDnn = KernelSelfTest.trainingRecurrencesPassed(KernelSelfTest.run(cases));

            KernelVerdict verdict = guard.choose();

            // Where oneDNN's recurrences in training pass (every machine so far), they stay on it.
            assertThat(verdict.choice()).isEqualTo(recurrencesRightOnOneDnn
                    ? KernelChoice.ONEDNN_FOR_TRAINING_RECURRENCES : KernelChoice.ONEDNN_OFF);
            assertThat(RecurrentOneDnn.isArmed()).isEqualTo(recurrencesRightOnOneDnn);
            assertThat(verdict.verified()).isTrue();
            assertThat(verdict.defaultFailure()).startsWith("conv2d 1→32 channels, 8×8, stride 1: forward off by 0.");
            assertThat(oneDnn.enabled()).as("oneDNN is off inside libtorch").isFalse();
            assertThat(KernelSelfTest.run(cases).passed()).isTrue();
        } finally {
            RecurrentOneDnn.disarm();
            oneDnn.set(before);
        }
    }
}
