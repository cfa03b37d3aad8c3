package org.layerloom.engine.export.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The DJL and PyTorch versions the app is built with, as Maven wrote them into {@code versions.properties}
 * when it built the engine, so the exported {@code pom.xml} pins the same ones. Immutable; any thread.
 *
 * @param djl        DJL's version, for {@code api} and {@code pytorch-engine}
 * @param pytorch    the version of {@code pytorch-native-cpu}
 * @param jni        the version of {@code pytorch-jni}
 * @param classifier the native library's platform classifier ({@code linux-x86_64})
 */
record DjlVersions(String djl, String pytorch, String jni, String classifier) {

    /** The versions of this build. */
    static DjlVersions ofBuild() {
        Properties properties = new Properties();
        try (InputStream in = DjlVersions.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the engine's build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DjlVersions(required(properties, "djl.version"), required(properties, "pytorch.version"),
                required(properties, "pytorch.jni.version"), required(properties, "pytorch.native.classifier"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("versions.properties has no value for " + key);
        }
        return value;
    }
}
