package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;

/**
 * The real oneDNN switch, off and disarmed for one test (skipped where this libtorch build does not expose it);
 * {@link #restore()} disarms and puts the switch back as it was.
 */
final class OneDnnOff {

    private final OneDnnSwitch oneDnn;
    private final boolean before;

    private OneDnnOff(OneDnnSwitch oneDnn, boolean before) {
        this.oneDnn = oneDnn;
        this.before = before;
    }

    static OneDnnOff take() {
        Engine.getInstance();
        OneDnnSwitch oneDnn = OneDnnSwitch.find().orElse(null);
        assumeTrue(oneDnn != null, "this libtorch build does not expose the oneDNN switch");
        OneDnnOff off = new OneDnnOff(oneDnn, oneDnn.enabled());
        RecurrentOneDnn.disarm();
        assertThat(oneDnn.set(false)).isTrue();
        return off;
    }

    OneDnnSwitch oneDnn() {
        return oneDnn;
    }

    void restore() {
        RecurrentOneDnn.disarm();
        oneDnn.set(before);
    }
}
