package org.layerloom.engine.imports.keras;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of damaged and unsupported Keras files: each gives problems that say what is wrong, never an
 * exception and never a half-imported graph.
 */
class KerasMalformedFilesTest {

    @TempDir
    static Path dir;

    /** Writes one malformed file into the folder and returns its path. */
    interface Maker {
        Path make(Path folder) throws IOException;
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("empty file", (Maker) f -> text(f, "empty.keras", ""), "is empty"),
                Arguments.of("not a zip", (Maker) f -> text(f, "text.keras", "hello, I am no model"),
                        "not a zip archive"),
                Arguments.of("zip without config.json", (Maker) f -> zip(f, "noconfig.keras",
                        Map.of("model.weights.h5", new byte[] {1, 2})), "no config.json"),
                Arguments.of("zip without weights", (Maker) f -> zip(f, "noweights.keras",
                        Map.of("config.json", bytes(KerasFixtures.read(keras3("mlp")).toString()))),
                        "no model.weights.h5"),
                Arguments.of("config not JSON", (Maker) f -> zip(f, "badjson.keras", Map.of("config.json",
                        bytes("{\"class_name\": \"Sequential\", "), "model.weights.h5", new byte[1])),
                        "not valid JSON"),
                Arguments.of("truncated .keras", (Maker) f -> {
                    byte[] whole = Files.readAllBytes(KerasFixtures.folder("mlp").resolve("model.keras"));
                    return bytesFile(f, "cut.keras", Arrays.copyOf(whole, whole.length / 2));
                }, "damaged or cut short"),
                Arguments.of("weights not HDF5", (Maker) f -> zip(f, "nothdf.keras", Map.of("config.json",
                        bytes(KerasFixtures.read(keras3("mlp")).toString()), "model.weights.h5",
                        bytes("plain text"))), "HDF5"),
                Arguments.of("unknown layer class", (Maker) f -> tfjs(f, "mlp", m -> ((ObjectNode) layers(m).get(1))
                        .put("class_name", "Conv3D")), "'drop' (Conv3D)"),
                Arguments.of("unknown activation", (Maker) f -> tfjs(f, "mlp", m -> config(layers(m), 0)
                        .put("activation", "swish")), "activation 'swish'"),
                Arguments.of("custom activation", (Maker) f -> tfjs(f, "mlp", m -> config(layers(m), 0)
                        .putObject("activation").put("class_name", "MySwish")), "custom activation function (MySwish)"),
                Arguments.of("missing weight", (Maker) f -> tfjs(f, "mlp", m -> {
                    ArrayNode specs = (ArrayNode) m.at("/weightsManifest/0/weights");
                    specs.remove(specs.size() - 1);
                }), "no 'bias' weight"),
                Arguments.of("wrong weight shape", (Maker) f -> tfjs(f, "mlp", m -> {
                    ArrayNode shape = (ArrayNode) m.at("/weightsManifest/0/weights/0/shape");
                    shape.removeAll().add(16).add(8);
                }), "shape [16, 8]"),
                Arguments.of("weights file missing", (Maker) f -> tfjs(f, "mlp", m -> ((ArrayNode) m
                        .at("/weightsManifest/0/paths")).removeAll().add("elsewhere.bin")), "not beside it"),
                Arguments.of("weights file too short", (Maker) f -> {
                    Path json = tfjs(f, "cnn", m -> { });
                    Path bin = json.resolveSibling("weights.bin");
                    Files.write(bin, Arrays.copyOf(Files.readAllBytes(bin), 100));
                    return json;
                }, "shorter than the manifest"),
                Arguments.of("h5 without model_config", (Maker) f -> {
                    Path h5 = f.resolve("weights-only.h5");
                    try (WritableHdfFile file = HdfFile.write(h5)) {
                        file.putGroup("model_weights").putGroup("dense").putDataset("kernel:0", new float[] {1, 2});
                    }
                    return h5;
                }, "no model_config"),
                Arguments.of("h5 with a model_config that is not JSON", (Maker) f -> {
                    Path h5 = f.resolve("bad-config.h5");
                    try (WritableHdfFile file = HdfFile.write(h5)) {
                        file.putAttribute("model_config", "{oops");
                    }
                    return h5;
                }, "not valid JSON"),
                Arguments.of("truncated h5", (Maker) f -> {
                    byte[] whole = Files.readAllBytes(KerasFixtures.folder("cnn").resolve("legacy.h5"));
                    return bytesFile(f, "cut.h5", Arrays.copyOf(whole, whole.length / 3));
                }, "damaged"),
                Arguments.of("garbage with .h5 name", (Maker) f -> bytesFile(f, "garbage.h5",
                        new byte[] {7, 7, 7, 7, 7, 7, 7, 7, 7}), "not an HDF5 file"),
                Arguments.of("TF.js graph model", (Maker) f -> text(f, "graph.json",
                        "{\"format\": \"graph-model\", \"modelTopology\": {\"node\": []}}"), "graph model"),
                Arguments.of("JSON that is no model", (Maker) f -> text(f, "other.json", "{\"name\": \"x\"}"),
                        "neither a Keras model"),
                Arguments.of("subclassed model", (Maker) f -> text(f, "sub.json",
                        "{\"class_name\": \"MyModel\", \"config\": {}}"), "only Sequential and functional"),
                Arguments.of("Sequential without an input shape", (Maker) f -> tfjs(f, "mlp",
                        m -> config(layers(m), 0).remove("batch_input_shape")), "no input_shape"),
                Arguments.of("open sequence length", (Maker) f -> tfjs(f, "rnn", m -> ((ArrayNode) config(layers(m), 0)
                        .get("batch_input_shape")).set(1, KerasFixtures.JSON.nullNode())), "open size (None)"),
                Arguments.of("shared layer", (Maker) f -> tfjs(f, "functional", m -> {
                    ArrayNode nodes = (ArrayNode) layers(m).get(3).get("inbound_nodes");
                    nodes.add(nodes.get(0).deepCopy());
                }), "shared layer"),
                Arguments.of("two outputs", (Maker) f -> tfjs(f, "functional", m -> ((ArrayNode) m
                        .at("/modelTopology/config/output_layers")).add(KerasFixtures.JSON.createArrayNode()
                        .add("stem").add(0).add(0))), "2 outputs"),
                Arguments.of("input from nowhere", (Maker) f -> tfjs(f, "functional", m -> ((ArrayNode) layers(m)
                        .get(1).get("inbound_nodes").get(0).get(0)).set(0, TextNode.valueOf("ghost"))), "'ghost'"),
                Arguments.of("uneven same padding", (Maker) f -> tfjs(f, "cnn", m -> {
                    config(layers(m), 2).put("padding", "same");
                    ((ArrayNode) config(layers(m), 2).get("strides")).removeAll().add(2).add(2);
                }), "pads unevenly"),
                Arguments.of("no such file", (Maker) f -> f.resolve("missing.keras"), "no file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformed_file_gives_problems_not_exceptions(String what, Maker maker, String expected) throws IOException {
        Path folder = Files.createTempDirectory(dir, "case");
        KerasImport imported = KerasImporter.read(maker.make(folder));
        assertThat(imported.isImported()).as(what).isFalse();
        assertThat(imported.problems()).as(what).isNotEmpty().allSatisfy(p -> assertThat(p).endsWith("."));
        assertThat(String.join(" ", imported.problems())).as(what).contains(expected);
        assertThat(imported.graph().nodes()).isEmpty();
        assertThat(imported.weights()).isEmpty();
    }

    @Test
    void the_corpus_has_at_least_fifteen_files() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(15);
    }

    private static Path keras3(String name) {
        return KerasFixtures.folder(name).resolve("config.keras3.json");
    }

    private static ArrayNode layers(ObjectNode modelJson) {
        return (ArrayNode) modelJson.at("/modelTopology/config/layers");
    }

    private static ObjectNode config(ArrayNode layers, int index) {
        return (ObjectNode) layers.get(index).get("config");
    }

    /** A copy of a TF.js fixture with its model.json changed by {@code edit}. */
    private static Path tfjs(Path folder, String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode model = (ObjectNode) KerasFixtures.read(KerasFixtures.modelJson(name));
        edit.accept(model);
        Files.copy(KerasFixtures.folder(name).resolve("weights.bin"), folder.resolve("weights.bin"));
        Path json = folder.resolve("model.json");
        Files.writeString(json, model.toString());
        return json;
    }

    private static Path text(Path folder, String file, String content) throws IOException {
        return Files.writeString(folder.resolve(file), content);
    }

    private static Path bytesFile(Path folder, String file, byte[] content) throws IOException {
        return Files.write(folder.resolve(file), content);
    }

    private static Path zip(Path folder, String file, Map<String, byte[]> entries) throws IOException {
        Path target = folder.resolve(file);
        KerasFixtures.zip(target, entries);
        return target;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
