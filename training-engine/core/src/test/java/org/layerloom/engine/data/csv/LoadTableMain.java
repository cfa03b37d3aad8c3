package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.ProgressListener;

/**
 * Loads one table in a forked JVM for {@link CsvStreamingTest}: {@code streaming|legacy FILE}. Prints
 * {@code rows=N} (exit 0) or {@code refused: MESSAGE} (exit 2); anything else escapes as usual. Tests only.
 */
final class LoadTableMain {

    private LoadTableMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[1]).toAbsolutePath();
        DatasetSource source = args[0].equals("legacy") ? new LegacyCsvSource() : new CsvSource();
        DatasetRequest request = new DatasetRequest("csv", DatasetOptions.of(Map.of("path",
                file.getFileName().toString())), file.getParent(), 7, 0.2, OptionalInt.empty());
        try {
            Dataset data = source.load(request, ProgressListener.none());
            System.out.println("rows=" + data.splits().totalSize());
        } catch (DatasetException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(2);
        }
    }
}
