package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.testing.GraphBuilder.chainOf;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.TestRequests;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;

/** A shape mismatch never hides a data problem: the message says what the data looks like first (issue 21). */
class DataFirstTest {

    @TempDir
    Path dir;

    private static NetworkGraph threeInputs() {
        return chainOf(new int[] {3}, "softmax_cross_entropy", layer(LayerKind.DENSE, "units", 2));
    }

    @Test
    void a_numeric_looking_column_read_as_categories_is_named_before_the_input_shape() throws Exception {
        StringBuilder csv = new StringBuilder("height,width,weight,kind\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(i * 2).append(',').append(10 + i % 6).append(" kg,")
                    .append(i % 2 == 0 ? "cat" : "dog").append('\n');
        }
        csv.append("41,82,,cat\n");
        Files.writeString(dir.resolve("pets.csv"), csv);
        Dataset data = TestRequests.load("csv", dir, "path", "pets.csv");

        assertThatThrownBy(() -> DataModelCheck.check(threeInputs(), data))
                .isInstanceOf(TrainingSetupException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).startsWith("Look at the data first; if it is not what you meant, fix the "
                            + "data, not the network:\n  - The table pets.csv: 40 rows, 8 input value(s)");
                    int category = message.indexOf("The column 'weight' was read as 6 categories, one input each, "
                            + "not as numbers (\"10 kg\", \"11 kg\", \"12 kg\", …)");
                    int leftOut = message.indexOf("1 row of pets.csv had missing values");
                    int shape = message.indexOf("gives examples of shape (8), but");
                    assertThat(category).isPositive();
                    assertThat(leftOut).isPositive();
                    assertThat(shape).isGreaterThan(category).isGreaterThan(leftOut);
                    assertThat(message).contains("\nThen the network: The dataset pets.csv gives examples");
                });
    }

    @Test
    void clean_data_is_described_in_one_line_before_the_shape() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i % 3).append(',').append(i % 5).append(',').append(i % 7).append(',')
                    .append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("clean.csv"), csv);
        Dataset data = TestRequests.load("csv", dir, "path", "clean.csv");

        assertThatThrownBy(() -> DataModelCheck.check(threeInputs(), data))
                .hasMessageStartingWith("The data: The table clean.csv: 30 rows, 4 input value(s) from 4 column(s)")
                .hasMessageContaining(".\nThe dataset clean.csv gives examples of shape (4), but");
    }
}
