package org.layerloom.engine.testing.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The names (without {@code .npz}) of the generated fixtures in one folder under {@link TorchFixture#ROOT},
 * sorted, for parameterized tests: a case the generator adds is tested without touching the test. Reads the
 * test class path as files (as Maven's surefire lays it out). Stateless.
 */
public final class FixtureNames {

    private FixtureNames() {
    }

    /** The fixtures in {@code folder} (e.g. {@code "optimizers"}) whose names start with {@code prefix}. */
    public static List<String> in(String folder, String prefix) {
        URL url = FixtureNames.class.getResource(TorchFixture.ROOT + folder);
        if (url == null) {
            throw new IllegalStateException("no fixture folder " + TorchFixture.ROOT + folder
                    + " on the test class path: run the generator in training-engine/engine/src/test/python");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".npz") && name.startsWith(prefix))
                    .map(name -> name.substring(0, name.length() - ".npz".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
