package org.layerloom.engine.kernels;

/** A process-wide on/off switch for one family of native kernels (oneDNN in libtorch). */
interface KernelSwitch {

    /** Switches the kernels on or off; true when the switch took. */
    boolean set(boolean on);
}
