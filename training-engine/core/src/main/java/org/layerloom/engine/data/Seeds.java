package org.layerloom.engine.data;

/** Derives independent, reproducible seeds for the separate random choices made from one project seed. */
final class Seeds {

    private Seeds() {
    }

    /** A seed for {@code purpose} (e.g. "validation") that is stable across runs and JVMs. */
    static long derive(long seed, String purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + purpose.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
