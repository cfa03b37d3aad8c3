package org.layerloom.samples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sample projects that ship with LayerLoom: read from {@code /samples/catalog.json} on the class path,
 * each sample's project file beside it. Copies a sample into a folder of the user's so the original stays
 * clean. Immutable after loading; any thread.
 */
public final class SampleCatalog {

    private static final String FOLDER = "/samples/";

    private final List<Sample> samples;

    private SampleCatalog(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** The catalog shipped in this jar. */
    public static SampleCatalog standard() {
        try (InputStream in = resource("catalog.json")) {
            ObjectMapper mapper = JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                    .build();
            return new SampleCatalog(mapper.readValue(in, Index.class).samples());
        } catch (IOException e) {
            throw new UncheckedIOException("the sample catalog shipped with LayerLoom cannot be read", e);
        }
    }

    /** Every sample, in the order the start screen shows them. */
    public List<Sample> samples() {
        return samples;
    }

    public Optional<Sample> byId(String id) {
        return samples.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The sample's project file; the caller closes the stream. */
    public InputStream openProject(Sample sample) {
        return resource(sample.file());
    }

    /**
     * Copies the sample's project file into {@code folder} (created if needed) under a name not yet taken
     * there ("spirals.loom", then "spirals-2.loom", ...), and its data files beside it unless they are there.
     *
     * @return the copy
     */
    public Path copyTo(Sample sample, Path folder) throws IOException {
        Files.createDirectories(folder);
        String base = sample.file().substring(0, sample.file().length() - ".loom".length());
        Path target = folder.resolve(sample.file());
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(base + "-" + n + ".loom");
        }
        try (InputStream in = openProject(sample)) {
            Files.copy(in, target);
        }
        for (String data : sample.dataFiles()) {
            Path copy = folder.resolve(data);
            if (!Files.exists(copy)) {
                try (InputStream in = resource(data)) {
                    Files.copy(in, copy);
                }
            }
        }
        return target;
    }

    private static InputStream resource(String name) {
        InputStream in = SampleCatalog.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("the sample file " + name + " is missing from LayerLoom's samples jar");
        }
        return in;
    }

    private record Index(List<Sample> samples) {
    }
}
