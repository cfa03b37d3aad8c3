package org.layerloom.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.layerloom.engine.project.DatasetChoice;

/**
 * Keeps the file options of a dataset choice ("path", "test-path", "cache") portable: before a project is
 * saved, absolute paths near the project become relative to its folder (with "/" on every system), so the
 * project and its data can move together to another computer; {@link DatasetRequest#resolve} turns them back.
 * Paths far away (more than two folders up) stay absolute. Stateless; any thread.
 */
public final class DatasetPaths {

    /** The options that name files or folders. */
    public static final List<String> PATH_OPTIONS = List.of("path", "test-path", "cache");
    private static final int MAX_UP = 2;

    private DatasetPaths() {
    }

    /** The choice with its path options relative to {@code projectFolder} where possible. */
    public static DatasetChoice relativeTo(DatasetChoice choice, Path projectFolder) {
        Path base = projectFolder.toAbsolutePath().normalize();
        TreeMap<String, Object> options = new TreeMap<>(choice.options());
        for (Map.Entry<String, Object> e : choice.options().entrySet()) {
            if (!PATH_OPTIONS.contains(e.getKey()) || !(e.getValue() instanceof String text) || text.isBlank()) {
                continue;
            }
            Path path = Path.of(text);
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
        for (String key : PATH_OPTIONS) {
            if (options.get(key) instanceof String text && !text.isBlank()) {
                options.put(key, projectFolder.toAbsolutePath().resolve(text).normalize().toString());
            }
        }
        return new DatasetChoice(choice.source(), options);
    }
}
