package org.layerloom.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the file or folder a dataset option names, relative to the request's base folder (the project's
 * folder), and explains precisely what was looked for when it is missing, so that a project opened on
 * another computer says which file to copy. Stateless; any thread.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /** The required path option {@code key}, resolved; fails if unset or if nothing exists there. */
    public static Path require(DatasetRequest request, String key, String datasetName, String what)
            throws DatasetException {
        String value = request.options().text(key).orElseThrow(() -> new DatasetException(datasetName
                + " needs " + what + ": set the option '" + key + "'."));
        return existing(request, key, value, what);
    }

    /** The path {@code value} of option {@code key}, resolved; fails naming the exact path looked for. */
    public static Path existing(DatasetRequest request, String key, String value, String what)
            throws DatasetException {
        Path path = request.resolve(value);
        if (!Files.exists(path) && Files.isSymbolicLink(path)) {
            throw DatasetException.inFile(path, "LayerLoom looked for " + what + " at " + path.toAbsolutePath()
                    + ", but that is a link that leads nowhere: to itself, round a loop of links, or to something "
                    + "that no longer exists. Choose the data itself, or make the link point to it.", null);
        }
        if (!Files.exists(path)) {
            String where = Path.of(value).isAbsolute() ? "" : " (the option '" + key + "' is \"" + value
                    + "\", relative to the project folder " + request.baseFolder().toAbsolutePath().normalize() + ")";
            throw DatasetException.inFile(path, "LayerLoom looked for " + what + " at " + path.toAbsolutePath()
                    + where + ", but nothing is there. If the project came from another computer, copy the data "
                    + "there too, or choose the data again.", null);
        }
        return path;
    }
}
