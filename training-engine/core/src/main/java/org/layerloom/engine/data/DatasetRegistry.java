package org.layerloom.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.data.csv.CsvSource;
import org.layerloom.engine.data.generate.BlobsSource;
import org.layerloom.engine.data.generate.CirclesSource;
import org.layerloom.engine.data.generate.CurveSource;
import org.layerloom.engine.data.generate.DigitsSource;
import org.layerloom.engine.data.generate.MoonsSource;
import org.layerloom.engine.data.generate.SequencePatternSource;
import org.layerloom.engine.data.generate.ShapesSource;
import org.layerloom.engine.data.generate.SineForecastSource;
import org.layerloom.engine.data.generate.SpiralsSource;
import org.layerloom.engine.data.generate.XorSource;
import org.layerloom.engine.data.image.ImageFolderSource;
import org.layerloom.engine.data.standard.Cifar10Source;
import org.layerloom.engine.data.standard.Downloader;
import org.layerloom.engine.data.standard.StandardDataset;
import org.layerloom.engine.data.standard.StandardSource;
import org.layerloom.engine.data.text.TextSource;
import org.layerloom.engine.project.DatasetChoice;

/**
 * The datasets a project can train on: each {@link DatasetEntry} maps a source id ("mnist", "spirals", ...)
 * as saved in a project's dataset choice to the source that loads it, with the name and the place the Data
 * area lists it under and whether it is downloaded. Older ids stay readable as aliases. Create one with
 * {@link #standard()} where the application is wired together. Immutable; any thread.
 */
public final class DatasetRegistry {

    private final Map<String, DatasetEntry> entries;
    private final Map<String, String> aliases;

    /**
     * @param entries the datasets, in the order the Data area lists them
     * @param aliases further ids that load an entry's dataset (alias → the entry's id), listed nowhere
     */
    public DatasetRegistry(List<DatasetEntry> entries, Map<String, String> aliases) {
        Map<String, DatasetEntry> byId = new LinkedHashMap<>();
        for (DatasetEntry entry : entries) {
            if (byId.put(entry.id(), entry) != null) {
                throw new IllegalArgumentException("two datasets with the id " + entry.id());
            }
        }
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (byId.containsKey(alias.getKey()) || !byId.containsKey(alias.getValue())) {
                throw new IllegalArgumentException("the alias " + alias.getKey() + " must name another dataset");
            }
        }
        this.entries = Collections.unmodifiableMap(byId);
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /** A new registry with every built-in dataset: generated ones first, then downloads, then the student's own. */
    public static DatasetRegistry standard() {
        Downloader downloader = Downloader.standard();
        return new DatasetRegistry(List.of(
                DatasetEntry.local("spirals", "Spirals (generated 2-D points)", new SpiralsSource()),
                DatasetEntry.local("moons", "Two moons (generated 2-D points)", new MoonsSource()),
                DatasetEntry.local("circles", "Circles (generated 2-D points)", new CirclesSource()),
                DatasetEntry.local("xor", "XOR (generated 2-D points)", new XorSource()),
                DatasetEntry.local("blobs", "Blobs (generated clusters)", new BlobsSource()),
                DatasetEntry.local("curve", "Noisy curve (generated regression)", new CurveSource()),
                DatasetEntry.local("shapes", "Rendered shapes (generated images)", new ShapesSource()),
                DatasetEntry.local("digits", "Rendered digits (generated images)", new DigitsSource()),
                DatasetEntry.local("sine-forecast", "Sine-wave forecasting (generated sequences)",
                        new SineForecastSource()),
                DatasetEntry.local("sequence-pattern", "Sequence patterns (generated tokens)",
                        new SequencePatternSource()),
                download(StandardDataset.MNIST, "MNIST digits (download)",
                        new MnistSource(MnistVariant.DIGITS), downloader),
                download(StandardDataset.FASHION_MNIST, "Fashion-MNIST (download)",
                        new MnistSource(MnistVariant.FASHION), downloader),
                download(StandardDataset.CIFAR_10, "CIFAR-10 photos (download)", new Cifar10Source(), downloader),
                DatasetEntry.local("csv", "Your own table (CSV)", new CsvSource()),
                DatasetEntry.local("image-folder", "Your own pictures (a folder)",
                        new ImageFolderSource()),
                DatasetEntry.local("text", "Your own texts", new TextSource())),
                Map.of("sine-regression", "curve"));
    }

    /** A standard dataset under its id, read by {@code reader} from its folder or the download cache. */
    private static DatasetEntry download(StandardDataset dataset, String displayName, DatasetSource reader,
                                         Downloader downloader) {
        return DatasetEntry.downloaded(dataset.id(), displayName, new StandardSource(dataset, reader, downloader));
    }

    /** This registry plus {@code entry} at the end of the list, or with it in place of the entry of its id. */
    public DatasetRegistry with(DatasetEntry entry) {
        List<DatasetEntry> copy = new ArrayList<>(entries.values());
        copy.replaceAll(e -> e.id().equals(entry.id()) ? entry : e);
        if (!entries.containsKey(entry.id())) {
            copy.add(entry);
        }
        Map<String, String> keptAliases = new LinkedHashMap<>(aliases);
        keptAliases.remove(entry.id());
        return new DatasetRegistry(copy, keptAliases);
    }

    /** This registry plus (or with a replaced) {@code id}, listed under its id. */
    public DatasetRegistry with(String id, DatasetSource source) {
        return with(DatasetEntry.local(id, id, source));
    }

    /** The datasets in the order the Data area lists them. */
    public List<DatasetEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Every id a project may name: the entries' in their order, then the aliases. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>(entries.keySet());
        ids.addAll(aliases.keySet());
        return Collections.unmodifiableSet(ids);
    }

    /** The entry that {@code id} (or an alias of it) names. */
    public Optional<DatasetEntry> entry(String id) {
        return Optional.ofNullable(entries.get(aliases.getOrDefault(id, id)));
    }

    public Optional<DatasetSource> find(String id) {
        return entry(id).map(DatasetEntry::source);
    }

    /** Loads the request's source, or fails with a message listing the known ids. */
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        Optional<DatasetSource> source = find(request.source());
        if (source.isEmpty() && DatasetChoice.NO_DATASET.equals(request.source())) {
            throw new DatasetException("This project has no data yet (an imported model, for example): choose what"
                    + " the network learns from in the Data area, or name a dataset as the project file's dataset"
                    + " source. Known datasets: " + String.join(", ", ids()) + ".");
        }
        if (source.isEmpty()) {
            throw new DatasetException("There is no dataset called '" + request.source() + "'. Known datasets: "
                    + String.join(", ", ids()) + ".");
        }
        return source.get().load(request, progress);
    }
}
