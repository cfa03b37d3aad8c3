package org.layerloom.engine.kernels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's kernel choice on this machine and why: the mode asked for, the choice made, whether libtorch's
 * default kernels passed the self-test (and the first wrong result if not), whether the chosen kernels
 * passed, how long the test took and whether the verdict was remembered from an earlier start. Shown in the
 * status bar, {@code layerloom --version} and every run's manifest. {@code ignoredRequest} is a
 * {@code LAYERLOOM_KERNELS} value that names no mode (null when there is none). Immutable.
 */
public record KernelVerdict(KernelMode mode, KernelChoice choice, boolean defaultPassed, String defaultFailure,
        boolean chosenPassed, String chosenFailure, long millis, String checkedAt, boolean remembered,
        MachineKey machine, String ignoredRequest) {

    /** True when the layers run on kernels that passed the self-test. */
    public boolean verified() {
        return chosenPassed;
    }

    /**
     * One line: "oneDNN kernels, self-test passed", "libtorch kernels, oneDNN off (oneDNN failed the
     * self-test: conv2d 20→8 …: forward off by 0.51)" or "oneDNN kernels, FAILED the self-test (…): values
     * may be wrong".
     */
    public String describe() {
        StringBuilder text = new StringBuilder(choice.label());
        if (chosenPassed) {
            text.append(", self-test passed");
        } else {
            text.append(", FAILED the self-test (").append(chosenFailure).append("): values may be wrong");
        }
        if (choice != KernelChoice.ONEDNN && !defaultPassed && defaultFailure != null) {
            text.append(" (oneDNN failed the self-test: ").append(defaultFailure).append(")");
        }
        if (mode != KernelMode.AUTO) {
            text.append(" [LAYERLOOM_KERNELS=").append(mode.id()).append("]");
        }
        if (ignoredRequest != null) {
            text.append(" [LAYERLOOM_KERNELS=").append(ignoredRequest)
                    .append(" ignored: use auto, default or onednn-off]");
        }
        if (!machine.isaCap().isEmpty()) {
            text.append(" [ONEDNN_MAX_CPU_ISA=").append(machine.isaCap()).append("]");
        }
        return text.toString();
    }

    /** {@link #describe()} and how it was found, for a tooltip: what was checked, where, how long it took. */
    public String explain() {
        return describe() + ". Checked when the engine loaded, on " + machine.processor() + ": convolutions and"
                + " recurrent layers, forward and backward (recurrent layers also as inference runs them), against a"
                + " plain-Java reference (" + millis + " ms)."
                + (remembered ? " oneDNN's failure was remembered from " + checkedAt + "." : "");
    }

    /** The manifest's "kernels" entry. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("choice", choice.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        map.put("mode", mode.id());
        map.put("verified", chosenPassed);
        map.put("defaultKernelsPassed", defaultPassed);
        Optional.ofNullable(defaultFailure).ifPresent(f -> map.put("defaultKernelsFailure", f));
        Optional.ofNullable(chosenFailure).ifPresent(f -> map.put("failure", f));
        map.put("processor", machine.processor());
        map.put("machineKey", machine.digest());
        map.put("selfTestMillis", millis);
        map.put("checkedAt", checkedAt);
        map.put("remembered", remembered);
        return map;
    }
}
