package org.layerloom.engine.export.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.NpzWriter;
import org.layerloom.engine.export.TargetWriter;
import org.layerloom.engine.export.VariantExport;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.TensorShape;

/**
 * The DJL (Java) target: a standalone Maven project ({@code pom.xml} pinning the DJL and PyTorch versions the
 * app is built with, {@link DjlVersions}) whose {@code Network.java} rebuilds the network with DJL's public API
 * ({@link NetworkSource}), whose {@code Weights.java} loads {@code weights.npz} by name and whose
 * {@code Main.java} runs a batch; {@code README.md} gives the command. Stateless; any thread.
 */
public final class DjlWriter implements TargetWriter {

    /** The Java package of the generated classes. */
    public static final String PACKAGE = "exported";
    public static final String POM = "pom.xml";
    public static final String SOURCES = "src";
    public static final String WEIGHTS = "weights.npz";
    public static final String README = "README.md";
    /** Where the generated classes lie, below the project folder. */
    public static final String SOURCE_FOLDER = "src/main/java/" + PACKAGE;

    @Override
    public ExportTarget target() {
        return ExportTarget.DJL;
    }

    @Override
    public Set<String> fileNames() {
        return Set.of(POM, SOURCES, WEIGHTS, README, "target");
    }

    @Override
    public void write(ExportedNetwork network, Path folder) throws IOException {
        DjlVersions versions = DjlVersions.ofBuild();
        Path sources = Files.createDirectories(folder.resolve(SOURCE_FOLDER));
        NetworkSource.Generated generated = NetworkSource.of(network);
        Files.writeString(sources.resolve("Network.java"), generated.network(), StandardCharsets.UTF_8);
        for (String helper : generated.helperClasses()) {
            Files.writeString(sources.resolve(helper + ".java"), template(helper + ".java.txt"),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(sources.resolve("Weights.java"), template("Weights.java.txt"), StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("Main.java"), template("Main.java.txt"), StandardCharsets.UTF_8);
        NpzWriter.write(folder.resolve(WEIGHTS), network.weights());
        Files.writeString(folder.resolve(POM), fill(template("pom.xml.txt"), network, versions),
                StandardCharsets.UTF_8);
        String readme = fill(template("README.md.txt"), network, versions)
                .replace("{{HELPERS}}", helperLines(generated.helperClasses()))
                .replace("{{INPUT_KIND}}", tokenInput(network) ? "int64 token ids" : "float32 values")
                + VariantExport.readmeSection(network);
        Files.writeString(folder.resolve(README), readme, StandardCharsets.UTF_8);
    }

    private static String fill(String text, ExportedNetwork network, DjlVersions versions) {
        TensorShape example = network.report().outputOf(network.nodeIds().get(0)).orElseThrow();
        return text.replace("{{NAME}}", plain(network.name()))
                .replace("{{ARTIFACT}}", artifactId(network.name()))
                .replace("{{INPUT_SHAPE}}", example.dims().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")))
                .replace("{{DJL}}", versions.djl())
                .replace("{{PYTORCH}}", versions.pytorch())
                .replace("{{JNI}}", versions.jni())
                .replace("{{CLASSIFIER}}", versions.classifier());
    }

    /** What each generated helper class is for, as README lines, in file-name order. */
    private static String helperLines(Set<String> helpers) {
        StringBuilder lines = new StringBuilder();
        for (String helper : new java.util.TreeSet<>(helpers)) {
            lines.append("- `src/main/java/exported/").append(helper).append(".java`: ").append(switch (helper) {
                case "IdEmbedding" -> "the Embedding layer, which looks token ids up directly as\n  PyTorch's"
                        + " `nn.Embedding` does (DJL's embeddings keep a row for unknown items).";
                case "PositionalEncoding" -> "adds the fixed sine and cosine position signal;\n  it has no"
                        + " weights.";
                case "PostNormEncoder" -> "the Transformer encoder layer as PyTorch's\n"
                        + "  `nn.TransformerEncoderLayer` (DJL's own normalises with BatchNorm).";
                default -> throw new IllegalArgumentException("no description of " + helper);
            }).append('\n');
        }
        return lines.toString();
    }

    /** Whether the network's input is token ids rather than real values. */
    private static boolean tokenInput(ExportedNetwork network) {
        return network.report().outputOf(network.nodeIds().get(0)).orElseThrow().isTokenIds();
    }

    /** The project's name as a Maven artifact id: lower-case letters, digits and dashes. */
    static String artifactId(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "network" : id;
    }

    /** Text safe in an XML comment and in Markdown's heading. */
    private static String plain(String text) {
        return text.replace("--", "- -").replace('<', '(').replace('>', ')').replace('&', '+').replace('\n', ' ');
    }

    private static String template(String name) {
        try (InputStream in = DjlWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the engine's build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
