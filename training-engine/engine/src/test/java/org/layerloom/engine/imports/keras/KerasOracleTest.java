package org.layerloom.engine.imports.keras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.GraphValidator;

/**
 * Every Keras fixture, imported from its TF.js model.json and from the .keras and legacy .h5 files written
 * from it, validates in LayerLoom and computes TF.js's outputs (the GRU's: Keras's reset-after equations) on
 * the reference batch within 1e-5 of their scale.
 */
class KerasOracleTest {

    static final double TOLERANCE = 1e-5;

    static List<String> fixtures() {
        return List.of("mlp", "cnn", "lstm", "gru", "functional", "rnn", "pools");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("fixtures")
    void tfjs_model_json_computes_what_tfjs_computed(String name) throws IOException {
        check(name, "model.json", KerasImporter.read(KerasFixtures.modelJson(name)));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void keras3_archive_computes_what_tfjs_computed(String name) throws IOException {
        check(name, ".keras", KerasImporter.read(KerasFixtures.writeKeras(name, dir.resolve(name + ".keras"))));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void legacy_h5_computes_what_tfjs_computed(String name) throws IOException {
        check(name, ".h5", KerasImporter.read(KerasFixtures.writeLegacyH5(name, dir.resolve(name + ".h5"), null)));
    }

    private static void check(String name, String format, KerasImport imported) throws IOException {
        assertThat(imported.problems()).as(name + " " + format).isEmpty();
        assertThat(GraphValidator.standard().validate(imported.graph()).isValid()).isTrue();
        KerasFixtures.Reference reference = KerasFixtures.reference(name);
        float[] ours = KerasOracle.predict(imported, reference);
        double difference = KerasOracle.difference(ours, reference.output());
        System.out.printf("keras fixture %-10s %-10s largest relative difference %.3g%n", name, format, difference);
        assertThat(difference).as(name + " " + format).isLessThanOrEqualTo(TOLERANCE);
    }
}
