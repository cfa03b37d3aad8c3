package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.SharedDatasets;
import org.layerloom.engine.data.TestRequests;

class CsvSourceTest {

    @TempDir
    Path dir;

    private static Path iris() {
        return SharedDatasets.folder().resolve("iris/iris.csv");
    }

    @Test
    void iris_without_header_gives_150_rows_of_4_numbers_in_3_classes() throws Exception {
        Dataset iris = TestRequests.load("csv", dir, "path", iris().toString());
        assertThat(iris.exampleShape().dims()).containsExactly(4);
        assertThat(iris.classNames()).containsExactly("Iris-setosa", "Iris-versicolor", "Iris-virginica");
        assertThat(iris.splits().totalSize()).isEqualTo(150);
        assertThat(iris.test().size()).isEqualTo(30);
        assertThat(iris.test().classLabels().counts()).containsExactly(10, 10, 10);
        assertThat(iris.report().columns()).containsExactly("column 1", "column 2", "column 3", "column 4",
                "column 5");
        assertThat(iris.report().firstRows().get(0)).containsExactly("5.1", "3.5", "1.4", "0.2", "Iris-setosa");
        assertThat(iris.report().notes()).anyMatch(n -> n.contains("1 empty line in iris.csv was skipped"));
    }

    @Test
    void standardisation_is_fitted_on_the_training_split_only() throws Exception {
        Dataset iris = TestRequests.load("csv", dir, "path", iris().toString());
        float[] train = iris.train().realFeatures().toArray();
        for (int j = 0; j < 4; j++) {
            double sum = 0;
            double squares = 0;
            int n = iris.train().size();
            for (int i = 0; i < n; i++) {
                sum += train[i * 4 + j];
                squares += train[i * 4 + j] * train[i * 4 + j];
            }
            assertThat(sum / n).isCloseTo(0, within(1e-4));
            assertThat(squares / n).isCloseTo(1, within(1e-3));
        }
        float[] test = iris.test().realFeatures().toArray();
        double testMean = 0;
        for (int i = 0; i < iris.test().size(); i++) {
            testMean += test[i * 4];
        }
        assertThat(Math.abs(testMean / iris.test().size())).as("test statistics are not fitted").isGreaterThan(1e-4);
    }

    @Test
    void minmax_scales_the_training_values_into_zero_to_one() throws Exception {
        Dataset iris = TestRequests.load("csv", dir, "path", iris().toString(), "normalize", "minmax");
        float[] train = iris.train().realFeatures().toArray();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void a_header_semicolons_categories_and_missing_values_are_understood() throws Exception {
        Path file = dir.resolve("pets.csv");
        StringBuilder text = new StringBuilder("\uFEFFweight;colour;legs;kind\r\n");
        for (int i = 0; i < 40; i++) {
            String colour = i % 3 == 0 ? "black" : i % 3 == 1 ? "white" : "\"brown; spotted\"";
            String weight = i == 5 ? "" : String.valueOf(3 + i % 7);
            text.append(weight).append(';').append(colour).append(';').append(i % 2 == 0 ? 4 : 2).append(';')
                    .append(i % 2 == 0 ? "cat" : "bird").append("\r\n");
        }
        Files.writeString(file, text);
        Dataset pets = TestRequests.load("csv", dir, "path", "pets.csv", "label", "kind");
        assertThat(pets.report().columns()).containsExactly("weight", "colour", "legs", "kind");
        assertThat(pets.report().featureNames()).containsExactly("weight", "colour=black", "colour=brown; spotted",
                "colour=white", "legs");
        assertThat(pets.classNames()).containsExactly("bird", "cat");
        assertThat(pets.splits().totalSize()).isEqualTo(39);
        assertThat(pets.report().notes()).anyMatch(n -> n.contains("1 row of pets.csv had missing values")
                && n.contains("'weight': 1, line 7"));
    }

    @Test
    void a_label_with_many_decimal_values_becomes_a_regression_and_test_path_gives_the_test_split() throws Exception {
        StringBuilder train = new StringBuilder("x,y\n");
        StringBuilder test = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            train.append(i * 0.1).append(',').append(i * 0.25 + 0.01).append('\n');
            if (i < 10) {
                test.append(i * 0.3).append(',').append(i * 0.75 + 0.01).append('\n');
            }
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
        Dataset data = TestRequests.load("csv", dir, "path", "train.csv", "test-path", "test.csv");
        assertThat(data.task()).isEqualTo(DatasetTask.regression(1));
        assertThat(data.test().size()).isEqualTo(10);
        assertThat(data.train().size() + data.validation().size()).isEqualTo(50);
    }

    @Test
    void delimiter_detection_prefers_the_consistent_separator() {
        assertThat(CsvDialect.choose(null, Path.of("a.txt"), "a sentence, with commas\t1\nanother, one, here\t0\n")
                .delimiter()).isEqualTo('\t');
        assertThat(CsvDialect.choose(null, Path.of("a.csv"), "1;2,5;3\n4;5,5;6\n").delimiter()).isEqualTo(';');
        assertThat(CsvDialect.choose(null, Path.of("a.csv"), "1,2,3\n4,5,6\n").delimiter()).isEqualTo(',');
    }

    @Test
    void quoted_fields_may_hold_delimiters_quotes_and_line_breaks() throws Exception {
        CsvParser.Result result = CsvParser.parse("a,\"b, \"\"c\"\"\nd\",e\r\nf,g,h", ',', true, dir);
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).fields()).containsExactly("a", "b, \"c\"\nd", "e");
        assertThat(result.rows().get(1).line()).isEqualTo(3);
    }
}
