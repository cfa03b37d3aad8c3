package org.layerloom.engine.kernels;

import ai.djl.engine.Engine;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes sure LayerLoom's layers compute correctly on this processor before anything trains or inspects:
 * after the engine loads, the {@link KernelSelfTest} checks libtorch's default (oneDNN) kernels against
 * plain Java; if they fail, oneDNN is switched off inside libtorch and the native kernels are tested in
 * turn, first with oneDNN for recurrent layers in training where those passed on it ({@link RecurrentOneDnn}).
 * A choice without oneDNN is remembered per {@link MachineKey}, so later starts make it at once and only test
 * the kernels they use. The self-test runs in a child JVM ({@link SelfTestProcess}), so that
 * it leaves this process's engine calls as fast as they were. {@link #ensure()} is process-wide and
 * idempotent: the first caller pays the test (about 1.4 s on a 2-core machine, the child's start included),
 * later callers get the verdict. Any thread but the JavaFX thread.
 */
public final class KernelGuard {

    private static volatile KernelVerdict processVerdict;

    private final KernelMode mode;
    private final Supplier<SelfTestReport> selfTest;
    private final Supplier<Optional<? extends KernelSwitch>> oneDnn;
    private final VerdictStore store;
    private final MachineKey machine;
    private final String ignoredRequest = KernelMode.ignored().orElse(null);

    KernelGuard(KernelMode mode, Supplier<SelfTestReport> selfTest,
            Supplier<Optional<? extends KernelSwitch>> oneDnn,
            VerdictStore store, MachineKey machine) {
        this.mode = mode;
        this.selfTest = selfTest;
        this.oneDnn = oneDnn;
        this.store = store;
        this.machine = machine;
    }

    /**
     * Loads the engine if needed (with libtorch's internal log kept to errors, {@link LibtorchLog}), chooses and
     * sets the kernels once per process, and returns the verdict.
     * Throws what loading the engine throws.
     */
    public static synchronized KernelVerdict ensure() {
        if (processVerdict == null) {
            Engine engine = Engine.getInstance();
            LibtorchLog.quiet();
            KernelGuard process = new KernelGuard(KernelMode.current(), SelfTestProcess::run, OneDnnSwitch::find,
                    VerdictStore.standard(), MachineKey.current(Engine.getDjlVersion(), engine.getVersion()));
            processVerdict = process.choose();
        }
        return processVerdict;
    }

    /** The verdict if {@link #ensure()} has run, without waiting for it. */
    public static Optional<KernelVerdict> current() {
        return Optional.ofNullable(processVerdict);
    }

    /**
     * Switches oneDNN on or off for a side-by-side measurement ({@code layerloom bench --kernels}), returning
     * whether the switch took; {@link #restore()} puts back the verdict's choice. Not for training.
     */
    public static synchronized boolean useForComparison(KernelChoice choice) {
        ensure();
        Optional<OneDnnSwitch> oneDnn = OneDnnSwitch.find();
        return oneDnn.isPresent() && select(choice, oneDnn.get());
    }

    /**
     * Sets {@code oneDnn} for {@code choice} and arms or disarms {@link RecurrentOneDnn}; false when the
     * switch did not take.
     */
    private static boolean select(KernelChoice choice, KernelSwitch oneDnn) {
        RecurrentOneDnn.disarm();
        if (!oneDnn.set(choice == KernelChoice.ONEDNN)) {
            return false;
        }
        if (choice == KernelChoice.ONEDNN_FOR_TRAINING_RECURRENCES) {
            RecurrentOneDnn.arm(oneDnn);
        }
        return true;
    }

    /** Puts back the kernels {@link #ensure()} chose. */
    public static synchronized void restore() {
        useForComparison(ensure().choice());
    }

    KernelVerdict choose() {
        String now = Instant.now().toString();
        Optional<? extends KernelSwitch> oneDnnSwitch = oneDnn.get();
        switch (mode) {
            case DEFAULT -> {
                oneDnnSwitch.ifPresent(s -> select(KernelChoice.ONEDNN, s));
                SelfTestReport report = selfTest.get();
                return verdict(KernelChoice.ONEDNN, report, report, now, false);
            }
            case ONEDNN_OFF -> {
                if (oneDnnSwitch.isEmpty() || !select(KernelChoice.ONEDNN_OFF, oneDnnSwitch.get())) {
                    SelfTestReport report = selfTest.get();
                    return verdict(KernelChoice.ONEDNN, report, report, now, false);
                }
                SelfTestReport report = selfTest.get();
                // The default kernels were not tested: false, without a failure to name.
                return new KernelVerdict(mode, KernelChoice.ONEDNN_OFF, false, null, report.passed(),
                        report.firstFailure().orElse(null), report.millis(), now, false, machine, ignoredRequest);
            }
            default -> {
                return chooseAutomatically(oneDnnSwitch, now);
            }
        }
    }

    private KernelVerdict chooseAutomatically(Optional<? extends KernelSwitch> oneDnnSwitch, String now) {
        Optional<VerdictStore.Remembered> remembered = store.find(machine);
        if (remembered.isPresent() && remembered.get().choice() != KernelChoice.ONEDNN
                && oneDnnSwitch.isPresent() && select(remembered.get().choice(), oneDnnSwitch.get())) {
            SelfTestReport report = selfTest.get();
            if (report.passed()) {
                return new KernelVerdict(mode, remembered.get().choice(), false, remembered.get().defaultFailure(),
                        true, null, report.millis(), remembered.get().checkedAt(), true, machine,
                        ignoredRequest);
            }
            select(KernelChoice.ONEDNN, oneDnnSwitch.get());
        }
        SelfTestReport defaults = selfTest.get();
        KernelVerdict verdict;
        if (defaults.passed() || oneDnnSwitch.isEmpty() || !select(KernelChoice.ONEDNN_OFF, oneDnnSwitch.get())) {
            verdict = verdict(KernelChoice.ONEDNN, defaults, defaults, now, false);
        } else {
            verdict = chooseWithoutOneDnn(oneDnnSwitch.get(), defaults, now);
        }
        store.remember(verdict);
        return verdict;
    }

    /**
     * After oneDNN failed: oneDNN for recurrences in training where they passed on it and everything else
     * passes without it, else libtorch's own kernels where they pass, else oneDNN after all (the verdict says
     * both failed).
     */
    private KernelVerdict chooseWithoutOneDnn(KernelSwitch oneDnnSwitch, SelfTestReport defaults, String now) {
        if (KernelSelfTest.trainingRecurrencesPassed(defaults)
                && select(KernelChoice.ONEDNN_FOR_TRAINING_RECURRENCES, oneDnnSwitch)) {
            SelfTestReport mixed = selfTest.get();
            if (mixed.passed()) {
                return verdict(KernelChoice.ONEDNN_FOR_TRAINING_RECURRENCES, defaults, mixed, now, false);
            }
            select(KernelChoice.ONEDNN_OFF, oneDnnSwitch);
        }
        SelfTestReport native_ = selfTest.get();
        if (native_.passed()) {
            return verdict(KernelChoice.ONEDNN_OFF, defaults, native_, now, false);
        }
        select(KernelChoice.ONEDNN, oneDnnSwitch);
        return verdict(KernelChoice.ONEDNN, defaults, defaults, now, false);
    }

    private KernelVerdict verdict(KernelChoice choice, SelfTestReport defaults, SelfTestReport chosen, String now,
            boolean remembered) {
        long millis = defaults == chosen ? chosen.millis() : defaults.millis() + chosen.millis();
        return new KernelVerdict(mode, choice, defaults.passed(), defaults.firstFailure().orElse(null),
                chosen.passed(), chosen.firstFailure().orElse(null), millis, now, remembered, machine,
                ignoredRequest);
    }
}
