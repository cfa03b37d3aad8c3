package org.layerloom.engine.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.torch.TorchFixture;

/**
 * One case written by {@code src/test/python/reference_layers.py}: a graph ({@code NAME.loom}) and its
 * PyTorch arrays ({@code NAME.npz}) in a fixture group ("layers" or "networks"), listed in the group's
 * {@code cases.tsv} with the layer kind it tests and the mode it runs in. Immutable.
 *
 * @param kind     the layer kind's id ("Conv2D"), or "network" for a whole sample network
 * @param training true to run in training mode (batch statistics), false for inference
 */
record ReferenceCase(String group, String name, String kind, boolean training) {

    /** The cases of a group, in the generator's order. */
    static List<ReferenceCase> index(String group) {
        String resource = TorchFixture.ROOT + group + "/cases.tsv";
        try (InputStream in = ReferenceCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path: run"
                        + " src/test/python/reference_layers.py");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(f -> new ReferenceCase(group, f[0], f[1], "training".equals(f[2])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture path below {@link TorchFixture#ROOT}. */
    String arrays() {
        return group + "/" + name + ".npz";
    }

    NetworkGraph graph() {
        String resource = TorchFixture.ROOT + group + "/" + name + ".loom";
        try (InputStream in = ReferenceCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            return ProjectFiles.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".loom")
                    .graph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProjectFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + (training ? " (training)" : "");
    }
}
