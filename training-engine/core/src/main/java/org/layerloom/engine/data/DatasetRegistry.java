package org.layerloom.engine.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.data.csv.CsvSource;
import org.layerloom.engine.data.generate.DigitsSource;
import org.layerloom.engine.data.generate.SequencePatternSource;
import org.layerloom.engine.data.generate.ShapesSource;
import org.layerloom.engine.data.generate.SineForecastSource;
import org.layerloom.engine.data.image.ImageFolderSource;
import org.layerloom.engine.data.standard.Cifar10Source;
import org.layerloom.engine.data.standard.Downloader;
import org.layerloom.engine.data.standard.StandardDataset;
import org.layerloom.engine.data.standard.StandardSource;
import org.layerloom.engine.data.text.TextSource;

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
        Downloader downloader = Downloader.standard();
        sources.put("mnist", new StandardSource(StandardDataset.MNIST, new MnistSource(MnistVariant.DIGITS),
                downloader));
        sources.put("fashion-mnist", new StandardSource(StandardDataset.FASHION_MNIST,
                new MnistSource(MnistVariant.FASHION), downloader));
        sources.put("spirals", new SpiralsSource());
        sources.put("moons", new MoonsSource());
        sources.put("circles", new CirclesSource());
        sources.put("xor", new XorSource());
        sources.put("blobs", new BlobsSource());
        CurveSource curve = new CurveSource();
        sources.put("curve", curve);
        sources.put("sine-regression", curve);
        sources.put("shapes", new ShapesSource());
        sources.put("digits", new DigitsSource());
        sources.put("sine-forecast", new SineForecastSource());
        sources.put("sequence-pattern", new SequencePatternSource());
        sources.put("cifar-10", new StandardSource(StandardDataset.CIFAR_10, new Cifar10Source(), downloader));
        sources.put("csv", new CsvSource());
        sources.put("image-folder", new ImageFolderSource());
        sources.put("text", new TextSource());
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
