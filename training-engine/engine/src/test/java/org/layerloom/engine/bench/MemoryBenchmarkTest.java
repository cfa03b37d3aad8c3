package org.layerloom.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryBenchmarkTest {

    @Test
    void repeated_trainings_give_their_native_memory_back() throws Exception {
        int rounds = Integer.getInteger("memory.rounds", 6);
        MemoryBenchmark.Result result = new MemoryBenchmark().run(rounds);
        System.out.println("Memory over " + rounds + " rounds (moons MLP 2 epochs + small CNN 1 epoch each):");
        System.out.println(result.describe());

        assertThat(result.samples()).hasSize(rounds);
        assertThat(result.rssAfterFirstMb()).isPositive();
        // A generous bound: a real leak of the training data or the parameters grows by far more.
        assertThat(result.growthMb(2, rounds)).isLessThan(150);
    }
}
