package org.layerloom.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints what training-health inspection costs on the MNIST CNN ({@code -Pslow}, about a minute or more);
 * numbers, not a timed assertion. Sizes from {@code -Dinspect.samples}, {@code -Dinspect.every},
 * {@code -Dinspect.turns}.
 */
@Tag("slow")
class InspectionBenchmarkTest {

    @Test
    void prints_the_cost_of_inspection_on_the_mnist_cnn() {
        BenchmarkResult result = new InspectionBenchmark(Integer.getInteger("inspect.samples", 6_400),
                Integer.getInteger("inspect.every", 50), Integer.getInteger("inspect.turns", 3), 2).run();
        System.out.println("bench inspect " + result.metrics());
        assertThat(result.metric("captures_per_epoch").longValue()).isPositive();
    }
}
