package org.layerloom.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.project.AtomicFileWriter;

/**
 * The projects the user opened last, newest first, at most {@value #LIMIT}, kept in {@code recent.json} in
 * the config folder. A project that has since been moved or deleted stays in the list, marked missing,
 * until the user removes it. An unreadable list is treated as empty. Not thread-safe: use from one thread
 * (the JavaFX thread in the app); file access is quick (a few hundred bytes).
 */
public final class RecentProjects {

    static final int LIMIT = 10;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Path> paths = new ArrayList<>();

    /** One entry: where the project was and whether it is still there. */
    public record Entry(Path path, boolean missing) {

        public String fileName() {
            return path.getFileName().toString();
        }
    }

    public RecentProjects(UserFolders folders) {
        this.file = folders.recentFile();
        load();
    }

    public List<Entry> entries() {
        return paths.stream().map(p -> new Entry(p, !Files.isRegularFile(p))).toList();
    }

    /** Puts {@code project} first (moving it up if it was listed) and saves the list. */
    public void opened(Path project) throws IOException {
        Path absolute = project.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        while (paths.size() > LIMIT) {
            paths.remove(paths.size() - 1);
        }
        save();
    }

    public void remove(Path project) throws IOException {
        if (paths.remove(project.toAbsolutePath().normalize())) {
            save();
        }
    }

    private void load() {
        try {
            JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root != null && root.isArray()) {
                for (JsonNode item : root) {
                    if (item.isTextual() && paths.size() < LIMIT) {
                        paths.add(Path.of(item.asText()).toAbsolutePath().normalize());
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no recent projects yet
        } catch (IOException | RuntimeException e) {
            paths.clear();
        }
    }

    private void save() throws IOException {
        ArrayNode root = json.createArrayNode();
        paths.forEach(p -> root.add(p.toString()));
        Files.createDirectories(file.getParent());
        AtomicFileWriter.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
