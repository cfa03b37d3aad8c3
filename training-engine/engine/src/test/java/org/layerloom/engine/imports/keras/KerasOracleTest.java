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
 * Every Keras fixture, imported from its TF.js model.json, from the .keras and legacy .h5 files that h5py wrote
 * from it in Keras's layouts, and from the same files written by jhdf's HDF5 writer, validates in LayerLoom and
 * computes TF.js's outputs (the GRU's: Keras's reset-after equations) on the reference batch within 1e-5 of
 * their scale.
 */
class KerasOracleTest {

    static final double TOLERANCE = 1e-5;

    static List<String> fixtures() {
        return List.of("mlp", "cnn", "lstm", "gru", "functional", "rnn", "pools", "mixed", "options");
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
    void keras3_archive_by_h5py_computes_what_tfjs_computed(String name) throws IOException {
        check(name, ".keras", KerasImporter.read(KerasFixtures.folder(name).resolve("model.keras")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void legacy_h5_by_h5py_computes_what_tfjs_computed(String name) throws IOException {
        check(name, ".h5", KerasImporter.read(KerasFixtures.folder(name).resolve("legacy.h5")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void keras3_archive_by_jhdf_computes_what_tfjs_computed(String name) throws IOException {
        check(name, "jhdf .keras", KerasImporter.read(KerasFixtures.writeKeras(name, dir.resolve(name + ".keras"))));
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
