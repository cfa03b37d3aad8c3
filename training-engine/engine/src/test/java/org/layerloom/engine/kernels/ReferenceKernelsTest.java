package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.kernels.ReferenceKernels.RecurrentShape.Kind;
import org.layerloom.engine.testing.torch.Closeness;
import org.layerloom.engine.testing.torch.TorchFixture;

/**
 * The self-test's plain-Java reference is itself right: on float32 operands it computes what PyTorch
 * computes in double precision ({@code src/test/python/reference_kernels.py}), to 1e-12.
 */
class ReferenceKernelsTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static List<Arguments> cases() {
        return List.of(Arguments.of("conv2d-c20-f8", ConvolutionCase.conv2d(20, 8, 6, 1)),
                Arguments.of("conv2d-c24-f8-stride2", ConvolutionCase.conv2d(24, 8, 7, 2)),
                Arguments.of("conv1d-c28-f8", ConvolutionCase.conv1d(28, 8, 12)),
                Arguments.of("lstm-h16", RecurrentCase.of(Kind.LSTM, 1, 16, 12)),
                Arguments.of("gru-h17", RecurrentCase.of(Kind.GRU, 4, 17, 9)),
                Arguments.of("rnn-tanh-h16", RecurrentCase.of(Kind.RNN_TANH, 4, 16, 9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_plain_java_reference_equals_pytorch_in_double_precision(String fixtureName, KernelCase kernelCase) {
        try (NDManager scope = manager.newSubManager()) {
            TorchFixture fixture = TorchFixture.load(scope, "kernels/" + fixtureName + ".npz");
            List<double[]> operands = kernelCase.operands().stream()
                    .map(o -> fixture.get(o.name()).toType(DataType.FLOAT64, false).toDoubleArray()).toList();
            double[] expected = fixture.get("output").toDoubleArray();

            double[] actual = kernelCase.reference(operands);

            Closeness closeness = Closeness.of(kernelCase.name(),
                    scope.create(actual, fixture.get("output").getShape()), fixture.get("output"), 1e-12, 1e-12);
            assertThat(actual).hasSameSizeAs(expected);
            assertThat(closeness.withinTolerance()).as(closeness.describe()).isTrue();
        }
    }
}
