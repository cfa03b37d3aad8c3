package org.layerloom.engine.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps source ids ("mnist", "spirals", ...) as saved in a project's dataset choice to the sources that load
 * them. Create one with {@link #standard()} where the application is wired together. Immutable; any thread.
 */
public final class DatasetRegistry {

    private final Map<String, DatasetSource> sources;

    public DatasetRegistry(Map<String, DatasetSource> sources) {
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** A new registry with every built-in source. */
    public static DatasetRegistry standard() {
        Map<String, DatasetSource> sources = new LinkedHashMap<>();
        sources.put("mnist", new MnistSource(MnistVariant.DIGITS));
        sources.put("fashion-mnist", new MnistSource(MnistVariant.FASHION));
        sources.put("spirals", new SpiralsSource());
        sources.put("moons", new MoonsSource());
        sources.put("circles", new CirclesSource());
        sources.put("xor", new XorSource());
        sources.put("blobs", new BlobsSource());
        CurveSource curve = new CurveSource();
        sources.put("curve", curve);
        sources.put("sine-regression", curve);
        return new DatasetRegistry(sources);
    }

    /** This registry plus (or with a replaced) {@code id}. */
    public DatasetRegistry with(String id, DatasetSource source) {
        Map<String, DatasetSource> copy = new LinkedHashMap<>(sources);
        copy.put(id, source);
        return new DatasetRegistry(copy);
    }

    /** The known source ids, in registration order. */
    public Set<String> ids() {
        return sources.keySet();
    }

    public Optional<DatasetSource> find(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** Loads the request's source, or fails with a message listing the known ids. */
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetSource source = sources.get(request.source());
        if (source == null) {
            throw new DatasetException("There is no dataset called '" + request.source() + "'. Known datasets: "
                    + String.join(", ", sources.keySet()) + ".");
        }
        return source.load(request, progress);
    }
}
