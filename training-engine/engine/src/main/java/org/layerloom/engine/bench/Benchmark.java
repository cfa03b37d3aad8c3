package org.layerloom.engine.bench;

/**
 * One named performance measurement that {@code layerloom bench} can run, such as graph validation
 * (and later training of the standard networks). Runs on the calling thread and blocks until done;
 * an instance is configured once and may be run again.
 */
public interface Benchmark {

    /** The short name used on the command line and in results, e.g. {@code validation}. */
    String name();

    BenchmarkResult run();
}
