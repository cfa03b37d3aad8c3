package org.layerloom.engine.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/** Dataset requests for tests: a source, options as alternating names and values, a base folder. Tests only. */
public final class TestRequests {

    private TestRequests() {
    }

    public static DatasetRequest request(String source, Path base, Object... options) {
        Map<String, Object> map = new java.util.TreeMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put((String) options[i], options[i + 1]);
        }
        return new DatasetRequest(source, DatasetOptions.of(map), base, 7, 0.2, OptionalInt.empty());
    }

    public static Dataset load(String source, Path base, Object... options) throws DatasetException {
        return DatasetRegistry.standard().load(request(source, base, options), ProgressListener.none());
    }
}
