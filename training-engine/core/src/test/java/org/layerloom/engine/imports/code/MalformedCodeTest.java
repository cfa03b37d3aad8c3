package org.layerloom.engine.imports.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of code that LayerLoom cannot import: every snippet gives problems with the right line and
 * column, a message and a suggestion, and never an exception or a graph.
 */
class MalformedCodeTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n", 1, 1, "class definition"),
                bad("def build():\n    return keras.Sequential([layers.Dense(1)])\n", 1, 1, "function definition"),
                bad("model = keras.Sequential()\nfor i in range(3):\n    model.add(layers.Dense(8))\n", 2, 1, "for loop"),
                bad("x = 1\nwhile x < 3:\n    x = x + 1\n", 2, 1, "while loop"),
                bad("if big:\n    model = nn.Sequential(nn.Linear(4, 2))\n", 1, 1, "condition"),
                bad("with strategy.scope():\n    model = keras.Sequential([layers.Dense(1, input_shape=(3,))])\n", 1, 1,
                        "with block"),
                bad("model = keras.Sequential([\n    layers.Dense(10, activation='relu'\n", 2, 17, "never closed"),
                bad("model = keras.Sequential([layers.Dense(10)]))\n", 1, 45, "no opening bracket"),
                bad("model = nn.Sequential(nn.Linear(4, 2)\n", 1, 22, "never closed"),
                bad("model = keras.Sequential([layers.Dense(10, activation='relu)])\n", 1, 55, "never closed"),
                bad("model = keras.Sequential([layers.Dense(10 activation='relu')])\n", 1, 43, "',' or ')'"),
                bad("model = keras.Sequential([layers.Dense(units=10, 'relu')])\n", 1, 50, "positional argument follows"),
                bad("model = keras.Sequential([layers.Dense(10, activation=lambda x: x)])\n", 1, 55, "lambda"),
                bad("model = keras.Sequential([layers.Dense(10, kwargs={'a': 1})])\n", 1, 51, "dictionary"),
                bad("model = keras.Sequential([layers.Dense(*sizes)])\n", 1, 40, "Unpacking"),
                bad("model = keras.Sequential([layers.Dense(10 if big else 5)])\n", 1, 43, "'if' in an expression"),
                bad("units += 10\n", 1, 7, "update"),
                bad("model = keras.Sequential([layers.Dense(10, activation='swish', input_shape=(4,))])\n", 1, 44,
                        "no 'swish' activation"),
                bad("model = keras.Sequential([layers.Dense(10, input_shape=(4,), units_typo=3)])\n", 1, 62,
                        "no argument 'units_typo'"),
                bad("model = keras.Sequential([layers.Dense('ten', input_shape=(4,))])\n", 1, 34, "whole number"),
                bad("model = keras.Sequential([layers.Dense(0, input_shape=(4,))])\n", 1, 34, "Units must be"),
                bad("model = keras.Sequential([layers.Conv2D(8, 4, padding='same', input_shape=(8, 8, 1))])\n", 1, 47,
                        "even kernel"),
                bad("model = keras.Sequential([layers.Conv2D(8, (3, 5), input_shape=(8, 8, 1))])\n", 1, 34, "square"),
                bad("model = keras.Sequential([layers.MultiHeadAttention(num_heads=2, key_dim=4)])\n", 1, 34,
                        "cannot import the layer"),
                bad("model = keras.Sequential([layers.Dense(4)])\n", 1, 15, "does not say what one example looks like"),
                bad("model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten())\n", 1, 12, "--input-shape"),
                bad("model = nn.Sequential(nn.Linear(4, 8), nn.LSTM(8, 16))\n", 1, 43, "returns (output, state)"),
                bad("model = nn.Sequential(layers.Dense(4))\n", 1, 30, "Keras layer"),
                bad("import torch\nmodel = nn.Sequential(nn.Linear(4, 2))\ncriterion = nn.CrossEntropyLoss(weight=w)\n", 3,
                        33, "weigh every class"),
                bad("model = keras.Sequential([layers.Dense(2, input_shape=(4,))])\nmodel.compile(optimizer='adadelta')\n",
                        2, 15, "no optimizer 'adadelta'"),
                bad("model = keras.Sequential([layers.Dense(2, input_shape=(4,))])\nmodel.compile(loss='hinge')\n", 2,
                        15, "no loss 'hinge'"),
                bad("model = keras.Sequential([layers.Dense(2, input_shape=(4,))])\nmodel.fit(x, y, epochs=0)\n", 2, 17,
                        "epochs must be"),
                bad("x = 3\n", 1, 1, "builds no model"),
                bad("", 1, 1, "builds no model"),
                bad("model = keras.Sequential([layers.Dense(n_units, input_shape=(4,))])\n", 1, 34, "not given a value"),
                bad("inputs = keras.Input(shape=(4,))\nx = layers.Dense(4)(inputs)\ny = layers.Dense(3)(inputs)\n"
                        + "z = layers.Add()([x, y])\nmodel = keras.Model(inputs, [z, x])\n", 5, 15, "outputs"),
                bad("model = keras.Sequential([layers.Dense(4, input_shape=(4,)), layers.Add()])\n", 1, 69,
                        "joins branches"),
                bad("model = keras.Sequential([layers.LSTM(4, dropout=0.2, input_shape=(10, 3))])\n", 1, 42, "Dropout layer"),
                bad("model = keras.Sequential([layers.Embedding(100, 8, mask_zero=True, input_length=5)])\n", 1, 52,
                        "mask"),
                bad("model = keras.Sequential([layers.Dense(4, input_shape=(4,))])  $\n", 1, 64, "character '$'"),
                bad("  model = keras.Sequential([layers.Dense(4, input_shape=(4,))])\n", 1, 3, "indented"),
                bad("model = nn.Sequential(nn.Linear(4, 2), nn.LogSoftmax(dim=1))\ncriterion = nn.CrossEntropyLoss()\n",
                        1, 43, "NLLLoss"),
                bad("model = keras.Sequential([layers.Dense(4, input_shape=(4,))])\nmodel.fit(x, y, epochs=f'{n}')\n", 2,
                        17, "f-string"));
    }

    private static Arguments bad(String code, int line, int column, String words) {
        return Arguments.of(code, line, column, words);
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("corpus")
    void malformed_code_gives_a_located_problem_with_a_suggestion_and_no_graph(String code, int line, int column,
                                                                               String words) {
        CodeImport result = CodeImporter.read(code, CodeImportOptions.none());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.graph().nodes()).isEmpty();
        assertThat(result.problems()).allSatisfy(problem -> {
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).isNotBlank().doesNotContain("Exception");
            assertThat(problem.suggestion()).isNotBlank();
        });
        CodeProblem first = result.problems().get(0);
        assertThat(first.message() + " " + first.suggestion()).contains(words);
        assertThat(first.line() + ":" + first.column()).isEqualTo(line + ":" + column);
    }
}
