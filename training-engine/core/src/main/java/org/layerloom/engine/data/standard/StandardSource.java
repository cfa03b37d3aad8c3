package org.layerloom.engine.data.standard;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.ProgressListener;

/**
 * A standard dataset (MNIST, Fashion-MNIST, CIFAR-10) from wherever it is: the folder named by "path" (the
 * student's own copy: "import from folder"), else the cache folder ("cache", default
 * {@link DatasetCache#defaultCache()}), downloading it there first when "download" is true (checksums
 * verified; "mirror" fetches from another base URL). Without "download", a dataset that is not in the cache
 * is an error that offers both ways, so that nothing reaches the network unasked. Other options go to the
 * reader. Stateless; any thread.
 */
public final class StandardSource implements DatasetSource {

    private static final List<String> OWN_OPTIONS = List.of("cache", "download", "mirror");

    private final StandardDataset dataset;
    private final DatasetSource reader;
    private final Downloader downloader;

    public StandardSource(StandardDataset dataset, DatasetSource reader, Downloader downloader) {
        this.dataset = dataset;
        this.reader = reader;
        this.downloader = downloader;
    }

    @Override
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetOptions options = request.options();
        if (options.text("path").isPresent()) {
            return reader.load(withoutOwnOptions(request), progress);
        }
        DatasetCache cache = DatasetCache.of(options.text("cache").map(c -> request.resolve(c).toString()));
        Path folder = cache.folder(dataset);
        if (!isComplete(folder)) {
            if (!options.flag("download", false)) {
                throw DatasetException.inFile(folder, String.format(Locale.ROOT, "%s is not on this computer yet "
                        + "(LayerLoom looked in %s). Download it (%.0f MB, needs the internet) with Download in the "
                        + "Data area, or set the option 'download' to true. Or, if you already have its files, "
                        + "import them with \"Import a folder…\" in the Data area, or set the option 'path' to their"
                        + " folder.", dataset.title(), folder, dataset.downloadBytes() / 1e6), null);
            }
            download(folder, options, progress);
        }
        return reader.load(withoutOwnOptions(request).withOption("path", folder.toString()), progress);
    }

    /** Downloads every file not yet in {@code folder} (and unpacks CIFAR-10's archive). */
    public void download(Path folder, DatasetOptions options, ProgressListener progress) throws DatasetException {
        List<RemoteFile> files = options.text("mirror").map(m -> dataset.filesFrom(URI.create(m.endsWith("/") ? m
                : m + "/"))).orElse(dataset.files());
        for (RemoteFile file : files) {
            if (dataset == StandardDataset.CIFAR_10) {
                Path archive = downloader.fetch(file, folder, progress);
                TarGz.extract(archive, folder, CifarFiles::isWanted);
                if (!CifarFiles.presentIn(folder)) {
                    throw DatasetException.inFile(archive, "The archive " + archive + " does not contain the six "
                            + "files of CIFAR-10's binary version.", null);
                }
                deleteQuietly(archive);
            } else if (!Files.isRegularFile(folder.resolve(file.name()))) {
                downloader.fetch(file, folder, progress);
            }
        }
    }

    /** The dataset this source reads. */
    public StandardDataset dataset() {
        return dataset;
    }

    /** Whether the cache folder holds everything (files appear there only after their checksum matched). */
    public boolean isComplete(Path folder) {
        if (dataset == StandardDataset.CIFAR_10) {
            return CifarFiles.presentIn(folder);
        }
        return dataset.files().stream().allMatch(f -> Files.isRegularFile(folder.resolve(f.name())));
    }

    private static DatasetRequest withoutOwnOptions(DatasetRequest request) {
        java.util.TreeMap<String, Object> rest = new java.util.TreeMap<>(request.options().asMap());
        OWN_OPTIONS.forEach(rest::remove);
        return new DatasetRequest(request.source(), DatasetOptions.of(rest), request.baseFolder(), request.seed(),
                request.validationRatio(), request.trainingLimit());
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (java.io.IOException ignored) {
            // the archive only takes space; the unpacked files are complete
        }
    }

    /** The option names this wrapper reads itself. */
    public static List<String> ownOptions() {
        return new ArrayList<>(OWN_OPTIONS);
    }
}
