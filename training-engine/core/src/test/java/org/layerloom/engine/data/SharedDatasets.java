package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test datasets: the folder named by the system property {@code layerloom.datasets} (set by
 * the build), else {@code ../../shared/datasets} relative to the module's working directory. Tests only;
 * the product never looks there.
 */
public final class SharedDatasets {

    private SharedDatasets() {
    }

    public static Path folder() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets")
                : Path.of(property);
        folder = folder.toAbsolutePath().normalize();
        assertThat(folder).as("shared test datasets (system property layerloom.datasets)").isDirectory();
        return folder;
    }

    public static Path mnist() {
        Path mnist = folder().resolve("mnist");
        assertThat(Files.isDirectory(mnist)).as("MNIST folder %s", mnist).isTrue();
        return mnist;
    }
}
