package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.data.image.ImageFiles;
import org.layerloom.engine.data.text.TextEncoding;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.testing.torch.PythonTorch;

/**
 * The forms the PyTorch export gives its data, each checked with Python against LayerLoom's own values: real MNIST
 * (plain and normalised) and a folder of PNG pictures become uint8 pixels that NumPy and {@code train.py} turn back
 * into exactly LayerLoom's floats, while grey made of colour and a value that is no scaled pixel stay float32; a
 * text set carries its vocabulary and class names; a folder of pictures over the size limit gets {@code data.py}
 * and {@code images.json}, which read exactly LayerLoom's floats back from pictures of the model's size. Python
 * checks are skipped without Python and torch (failed when {@code CI=true}); the Pillow part without Pillow.
 */
class PyTorchDataFormsTest {

    @TempDir
    Path dir;

    private static Path shared(String path) {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        return folder.resolve(path).toAbsolutePath().normalize();
    }

    @Test
    void mnist_is_stored_as_bytes_that_give_back_exactly_layerlooms_floats() throws Exception {
        for (boolean normalize : new boolean[] {false, true}) {
            DatasetChoice choice = DatasetChoice.of("mnist").with("path", shared("mnist").toString())
                    .with("normalize", normalize);
            Dataset full = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), 42, 0.1)
                    .withTrainingLimit(1_000), ProgressListener.none());
            Dataset mnist = new Dataset(full.name(), full.description(), full.task(), full.exampleShape(),
                    new Splits(full.train(), full.validation(), full.test().first(700)));
            Path out = export(mnist, "mnist-" + normalize, Long.MAX_VALUE);

            assertThat(header(out, "x_train")).contains("'|u1'", "(" + mnist.train().size() + ", 1, 28, 28)");
            assertThat(header(out, "x_mean")).contains("'<f8'", "'shape': ()");
            assertThat(Files.readString(out.resolve("README.md"))).contains("8-bit pixels", "x_mean", "classes");
            JsonNode checked = python(out, reference(mnist));
            assertExact(checked, "uint8");
            assertThat(checked.get("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\","
                    + "\"8\",\"9\"]");
            assertEvaluates(out);
        }
    }

    @Test
    void a_folder_of_colour_pictures_is_stored_as_bytes_but_grey_made_of_colour_stays_float() throws Exception {
        writePictures(dir.resolve("pics"), 12, 10, 14, false);
        Dataset colour = load("image-folder", "path", "pics", "width", 12, "height", 10, "channels", 3);
        Path out = export(colour, "colour", Long.MAX_VALUE);
        assertThat(header(out, "x_train")).contains("'|u1'", "(" + colour.train().size() + ", 3, 10, 12)");
        assertExact(python(out, reference(colour)), "uint8");

        Dataset grey = load("image-folder", "path", "pics", "width", 12, "height", 10, "channels", 1);
        Path greyOut = export(grey, "grey", Long.MAX_VALUE);
        assertThat(header(greyOut, "x_train")).contains("'<f4'");
        assertThat(Files.readString(greyOut.resolve("README.md"))).doesNotContain("8-bit pixels")
                .contains("float32");
        assertExact(python(greyOut, reference(grey)), "float32");
    }

    @Test
    void one_value_that_is_no_scaled_pixel_keeps_the_data_float() throws Exception {
        writePictures(dir.resolve("pics"), 8, 8, 6, false);
        Dataset pictures = load("image-folder", "path", "pics", "width", 8, "channels", 3);
        float[] values = pictures.test().realFeatures().toArray();
        values[5] = Math.nextUp(values[5]);
        Examples test = Examples.of(RealFeatures.copyOf(values), pictures.exampleShape(), pictures.test().labels());
        Dataset nudged = new Dataset(pictures.name(), pictures.description(), pictures.task(),
                pictures.exampleShape(), new Splits(pictures.train(), pictures.validation(), test));
        Path out = export(nudged, "nudged", Long.MAX_VALUE);
        assertThat(header(out, "x_train")).contains("'<f4'");
        assertExact(python(out, reference(nudged)), "float32");
    }

    @Test
    void a_text_set_carries_its_vocabulary_and_class_names() throws Exception {
        Dataset yelp = load("text", "path", shared("sentiment-labelled-sentences/yelp_labelled.txt").toString(),
                "length", 16, "vocabulary", 500);
        TextEncoding encoding = yelp.textEncoding().orElseThrow();
        String sentence = "Not tasty and the texture was just nasty.";
        int[] ids = encoding.encode(sentence);
        List<String> expected = new ArrayList<>();
        for (int id : ids) {
            expected.add(encoding.word(id));
        }
        assertThat(expected).contains("<pad>", "the", "and");
        Path out = export(yelp, "yelp", Long.MAX_VALUE);
        assertThat(header(out, "x_train")).contains("'<i8'", "(" + yelp.train().size() + ", 16)");
        assertThat(header(out, "vocabulary")).contains("'<U");
        assertThat(Files.readString(out.resolve("README.md"))).contains("`vocabulary`", "`<pad>`", "`<unk>`");

        long[] idValues = java.util.Arrays.stream(ids).asLongStream().toArray();
        Path reference = dir.resolve("yelp-reference.npz");
        NpzWriter.write(reference, List.of(NpyArray.longs("ids", new long[] {ids.length}, idValues)));
        JsonNode checked = python(out, reference);
        assertThat(checked.get("dtype").asText()).isEqualTo("int64");
        assertThat(checked.get("vocabulary_size").asInt()).isEqualTo(500);
        assertThat(checked.get("vocabulary_first").toString()).isEqualTo("[\"<pad>\",\"<unk>\"]");
        assertThat(new ObjectMapper().convertValue(checked.get("words"), List.class)).isEqualTo(expected);
        assertThat(new ObjectMapper().convertValue(checked.get("classes"), List.class))
                .isEqualTo(yelp.classNames());
    }

    @Test
    void a_folder_of_pictures_over_the_limit_gets_a_loader_that_reads_them_back() throws Exception {
        writePictures(dir.resolve("pics"), 9, 7, 15, true);
        Map<Path, Dataset> exports = new java.util.LinkedHashMap<>();
        for (int channels : new int[] {3, 1}) {
            Dataset pictures = load("image-folder", "path", "pics", "width", 9, "height", 7, "channels", channels);
            Path out = export(pictures, "loader-" + channels, 0);
            assertThat(out.resolve("data.npz")).doesNotExist();
            assertThat(out.resolve("data.py")).exists();
            String readme = Files.readString(out.resolve("README.md"));
            assertThat(readme).contains("`data.py`", "`images.json`", "pip install pillow", "Java2D")
                    .doesNotContain("| `data.npz` |");

            JsonNode index = new ObjectMapper().readTree(out.resolve("images.json").toFile());
            ImageFiles files = pictures.imageFiles().orElseThrow();
            assertThat(index.get("channels").asInt()).isEqualTo(channels);
            assertThat(index.get("folder").asText()).isEqualTo(dir.resolve("pics").toAbsolutePath().normalize()
                    .toString());
            assertThat(index.get("classes").toString()).isEqualTo("[\"circle\",\"square\"]");
            for (String split : List.of("train", "validation", "test")) {
                Examples part = split.equals("train") ? pictures.train() : split.equals("test") ? pictures.test()
                        : pictures.validation();
                JsonNode listed = index.get(split);
                assertThat(listed.size()).isEqualTo(part.size()).isPositive();
                for (int i = 0; i < listed.size(); i++) {
                    String name = listed.get(i).get(0).asText();
                    assertThat(name).startsWith(part.classLabels().get(i) == 0 ? "circle/" : "square/");
                    assertThat(listed.get(i).get(1).asInt()).isEqualTo(part.classLabels().get(i));
                    // the picture listed is the one LayerLoom's example came from
                    float[] again = org.layerloom.engine.data.image.Pixels.toFloats(ImageIO.read(dir.resolve("pics")
                            .resolve(name).toFile()), 9, 7, channels);
                    float[] mine = java.util.Arrays.copyOfRange(part.realFeatures().toArray(),
                            i * part.exampleSize(), (i + 1) * part.exampleSize());
                    assertThat(again).containsExactly(mine);
                }
            }
            assertThat(files.train()).hasSize(pictures.train().size());
            exports.put(out, pictures);
        }
        pillow();
        for (Map.Entry<Path, Dataset> export : exports.entrySet()) {
            assertExact(python(export.getKey(), reference(export.getValue())), "loader");
            assertEvaluates(export.getKey());
        }
    }

    @Test
    void pictures_of_another_size_are_scaled_close_to_layerlooms_values() throws Exception {
        writePictures(dir.resolve("pics"), 13, 11, 6, false);
        Dataset pictures = load("image-folder", "path", "pics", "width", 8, "height", 6, "channels", 3);
        Path out = export(pictures, "scaled", 0);
        pillow();
        JsonNode checked = python(out, reference(pictures));
        double worst = 0;
        for (String split : List.of("train", "validation", "test")) {
            worst = Math.max(worst, checked.get("numpy").get(split).get("max_diff").asDouble());
            assertThat(checked.get("numpy").get(split).get("labels_equal").asBoolean()).isTrue();
        }
        System.out.printf("data.py scaling 13×11 to 8×6 pictures: largest difference %.5f (%.1f of 255 steps)%n",
                worst, worst * 255);
        assertThat(worst).isLessThan(0.25);
    }

    /** Asserts that {@code train.py --evaluate} reads the data and prints its one JSON line. */
    private static void assertEvaluates(Path export) throws Exception {
        String printed = PythonTorch.run(export.resolve(PyTorchWriter.TRAIN), List.of("--evaluate"), 120).strip();
        assertThat(printed).startsWith("{\"test\": {\"loss\": ").contains("\"accuracy\": ").doesNotContain("\n");
    }

    /** Asserts that every split came back bit for bit, with NumPy alone and through train.py. */
    private static void assertExact(JsonNode checked, String dtype) {
        assertThat(checked.get("dtype").asText()).as("%s", checked).isEqualTo(dtype);
        for (String way : List.of("numpy", "train_py")) {
            for (String split : List.of("train", "validation", "test")) {
                JsonNode result = checked.get(way).get(split);
                assertThat(result.get("max_diff").asDouble()).as("%s %s: %s", way, split, checked).isZero();
                assertThat(result.get("bits_equal").asBoolean()).as("%s %s", way, split).isTrue();
                if (way.equals("numpy")) {
                    assertThat(result.get("labels_equal").asBoolean()).as("%s labels", split).isTrue();
                }
            }
        }
        System.out.println("data checked with Python: " + checked);
    }

    private Dataset load(String source, Object... options) throws Exception {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put((String) options[i], options[i + 1]);
        }
        return DatasetRegistry.standard().load(new DatasetRequest(source, DatasetOptions.of(map), dir, 3, 0.2,
                java.util.OptionalInt.empty()), ProgressListener.none());
    }

    /** Exports a small network with {@code data} as its training data, copying up to {@code limit} bytes. */
    private Path export(Dataset data, String name, long limit) throws Exception {
        NetworkGraph graph = data.exampleShape().isTokenIds()
                ? GraphBuilder.chainOf(data.exampleShape(), "softmax_cross_entropy",
                        layer(LayerKind.EMBEDDING, "vocabulary", 500, "dimension", 4), layer(LayerKind.FLATTEN),
                        layer(LayerKind.DENSE, "units", data.classNames().size()))
                : GraphBuilder.chainOf(data.exampleShape(), "softmax_cross_entropy", layer(LayerKind.FLATTEN),
                        layer(LayerKind.DENSE, "units", data.classNames().size()));
        TrainingSettings settings = TrainingSettings.defaults();
        Project project = new Project(name, graph, DatasetChoice.of("test"), settings);
        ExportedNetwork network = ExportSources.initial(project, ExportTarget.PYTORCH)
                .withTraining(new ExportedTraining(settings, LossSpec.of(graph), data));
        Path out = dir.resolve(name);
        Exporter.export(network, new PyTorchWriter(limit), out);
        return out;
    }

    /** LayerLoom's floats and class indices of every split, for the Python check. */
    private Path reference(Dataset data) throws IOException {
        List<NpyArray> arrays = new ArrayList<>();
        for (String split : List.of("train", "validation", "test")) {
            Examples part = split.equals("train") ? data.train() : split.equals("test") ? data.test()
                    : data.validation();
            long[] shape = {part.size(), data.exampleShape().dim(0), data.exampleShape().dim(1),
                    data.exampleShape().dim(2)};
            arrays.add(NpyArray.floats("x_" + split, shape, part.realFeatures().toArray()));
            int[] classes = ((ClassLabels) part.labels()).toArray();
            arrays.add(NpyArray.longs("y_" + split, new long[] {classes.length},
                    java.util.Arrays.stream(classes).asLongStream().toArray()));
        }
        Path file = dir.resolve("reference-" + System.nanoTime() + ".npz");
        NpzWriter.write(file, arrays);
        return file;
    }

    private static JsonNode python(Path export, Path reference) throws Exception {
        PythonTorch.assumeAvailable();
        String printed = PythonTorch.run("check_export_data.py", List.of(export.toString(), reference.toString()),
                300).strip();
        return new ObjectMapper().readTree(printed.substring(printed.lastIndexOf('\n') + 1));
    }

    /** Skips the rest of the caller (its Python part) with a message where Python has no Pillow. */
    private static void pillow() throws Exception {
        PythonTorch.assumeAvailable();
        Process process = new ProcessBuilder(PythonTorch.PYTHON.toString(), "-c", "import PIL")
                .redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        boolean present = process.waitFor() == 0;
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true, but " + PythonTorch.PYTHON + " lacks Pillow: install python3-pil");
        }
        Assumptions.assumeTrue(present, PythonTorch.PYTHON + " lacks Pillow (apt-get install python3-pil): the"
                + " loader's Python part is skipped; its index was checked");
    }

    private static String header(Path export, String name) throws IOException {
        try (ZipFile npz = new ZipFile(export.resolve("data.npz").toFile())) {
            byte[] bytes = npz.getInputStream(npz.getEntry(name + ".npy")).readNBytes(128);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Writes "circle" and "square" class folders of {@code perClass} PNG pictures of width × height with random
     * colours (a coloured shape on a coloured ground), with transparent corners when {@code alpha}.
     */
    private static void writePictures(Path root, int width, int height, int perClass, boolean alpha)
            throws IOException {
        Random random = new Random(width * 31L + height);
        for (String kind : List.of("circle", "square")) {
            Files.createDirectories(root.resolve(kind));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB
                        : BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                g.fillRect(0, 0, width, height);
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                if (kind.equals("circle")) {
                    g.fillOval(1, 1, width - 2, height - 2);
                } else {
                    g.fillRect(2, 2, width - 4, height - 3);
                }
                g.dispose();
                if (alpha) {
                    image.setRGB(0, 0, 0x00FFFFFF & image.getRGB(0, 0));
                }
                ImageIO.write(image, "png", root.resolve(kind).resolve(kind.charAt(0) + "" + i + ".png").toFile());
            }
        }
    }
}
