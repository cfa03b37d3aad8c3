package org.layerloom.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.AtomicFileWriter;
import org.layerloom.engine.project.DeviceChoice;

/**
 * Reads and writes {@link Settings} as JSON in the config folder. A missing file gives the defaults; a
 * damaged file or a bad value gives the defaults for what could not be read, with a notice that says what
 * was wrong, so the app always starts. Saves are atomic. Stateless apart from its paths; any thread, but
 * not two saves at once.
 */
public final class SettingsStore {

    private final Path file;
    private final Settings defaults;
    private final ObjectMapper json = new ObjectMapper();

    public SettingsStore(UserFolders folders) {
        this.file = folders.settingsFile();
        this.defaults = Settings.defaults(folders);
    }

    /** The settings and, if the file was damaged, a notice for the user. */
    public record Loaded(Settings settings, Optional<String> notice) {
    }

    public Loaded load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(defaults, Optional.empty());
        } catch (IOException e) {
            return new Loaded(defaults, Optional.of("The settings file " + file + " could not be read ("
                    + e.getMessage() + "), so LayerLoom uses its default settings."));
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return new Loaded(defaults, Optional.of("The settings file " + file + " is damaged (line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage() + "), so LayerLoom uses its default"
                    + " settings. Saving the settings replaces the file."));
        }
        if (root == null || !root.isObject()) {
            return new Loaded(defaults, Optional.of("The settings file " + file + " does not hold settings, so"
                    + " LayerLoom uses its default settings."));
        }
        List<String> problems = new ArrayList<>();
        Settings settings = defaults;
        settings = apply(settings, root, "theme", problems, (s, v) -> s.withTheme(Theme.parse(v.asText())));
        settings = apply(settings, root, "fontSize", problems, (s, v) -> s.withFontSize(integer(v)));
        settings = apply(settings, root, "device", problems, (s, v) -> s.withDevice(DeviceChoice.fromId(v.asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown device '" + v.asText() + "'"))));
        settings = apply(settings, root, "threads", problems, (s, v) -> s.withThreads(integer(v)));
        settings = apply(settings, root, "datasetCache", problems, (s, v) -> s.withDatasetCache(Path.of(v.asText())));
        settings = apply(settings, root, "autosaveSeconds", problems, (s, v) -> s.withAutosaveSeconds(integer(v)));
        Optional<String> notice = problems.isEmpty() ? Optional.empty()
                : Optional.of("Some settings in " + file + " could not be used and were reset to their defaults: "
                        + String.join("; ", problems) + ".");
        return new Loaded(settings, notice);
    }

    public void save(Settings settings) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("theme", settings.theme().id());
        root.put("fontSize", settings.fontSize());
        root.put("device", settings.device().id());
        root.put("threads", settings.threads());
        root.put("datasetCache", settings.datasetCache().toString());
        root.put("autosaveSeconds", settings.autosaveSeconds());
        Files.createDirectories(file.getParent());
        AtomicFileWriter.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private interface Change {
        Settings apply(Settings settings, JsonNode value);
    }

    private static Settings apply(Settings settings, JsonNode root, String key, List<String> problems, Change change) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            return settings;
        }
        try {
            return change.apply(settings, value);
        } catch (RuntimeException e) {
            problems.add(key + " (" + (e.getMessage() == null ? "not valid" : e.getMessage()) + ")");
            return settings;
        }
    }

    private static int integer(JsonNode value) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + value.asText() + "' is not a whole number");
        }
        return value.intValue();
    }
}
