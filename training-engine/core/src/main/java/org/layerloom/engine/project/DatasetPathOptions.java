package org.layerloom.engine.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the file options of a dataset choice ("path", "test-path", "cache") portable: when a project is saved,
 * absolute paths near the project file become relative to its folder (with "/" on every system), so the
 * project and its data can move together to another computer; loading resolves them against the project's
 * folder again. Paths far away (more than two folders up, or on another drive) stay absolute.
 * Stateless; any thread.
 */
public final class DatasetPathOptions {

    /** The options that name files or folders. */
    public static final List<String> KEYS = List.of("path", "test-path", "cache");
    private static final int MAX_UP = 2;

    private DatasetPathOptions() {
    }

    /** The choice with its path options relative to {@code projectFolder} where possible. */
    public static DatasetChoice relativeTo(DatasetChoice choice, Path projectFolder) {
        Path base = projectFolder.toAbsolutePath().normalize();
        TreeMap<String, Object> options = new TreeMap<>(choice.options());
        for (Map.Entry<String, Object> e : choice.options().entrySet()) {
            if (!KEYS.contains(e.getKey()) || !(e.getValue() instanceof String text) || text.isBlank()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(text);
            } catch (java.nio.file.InvalidPathException notAPath) {
                continue;
            }
            if (!path.isAbsolute() || base.getRoot() == null || !base.getRoot().equals(path.getRoot())) {
                continue;
            }
            Path relative = base.relativize(path.normalize());
            int up = 0;
            for (Path part : relative) {
                up += part.toString().equals("..") ? 1 : 0;
            }
            if (up <= MAX_UP) {
                String portable = relative.toString().replace('\\', '/');
                options.put(e.getKey(), portable.isEmpty() ? "." : portable);
            }
        }
        return new DatasetChoice(choice.source(), options);
    }

    /** The choice with its path options absolute, resolved against {@code projectFolder}. */
    public static DatasetChoice absoluteFrom(DatasetChoice choice, Path projectFolder) {
        TreeMap<String, Object> options = new TreeMap<>(choice.options());
        for (String key : KEYS) {
            if (options.get(key) instanceof String text && !text.isBlank()) {
                options.put(key, projectFolder.toAbsolutePath().resolve(text).normalize().toString());
            }
        }
        return new DatasetChoice(choice.source(), options);
    }
}
