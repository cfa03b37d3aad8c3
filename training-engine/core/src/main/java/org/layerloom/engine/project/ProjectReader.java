package org.layerloom.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * Reads a {@link Project} from the text of a {@code .loom} file: parses it, checks the format number,
 * brings older formats up to date with the {@link ProjectMigration}s, and reads every part with its
 * JSON path, so any mistake becomes one {@link ProjectFileException} and nothing is half loaded.
 * Immutable; any thread.
 */
final class ProjectReader {

    private final ProjectMigrations migrations;
    private final GraphReader graphs = new GraphReader(LayerCatalog.standard());

    /** A reader with the migrations of every released format (none yet: format 1 is the first). */
    ProjectReader() {
        this(ProjectMigrations.RELEASED);
    }

    /** A reader with the given migrations instead (for tests of the migration mechanism). */
    ProjectReader(List<ProjectMigration> migrations) {
        this.migrations = new ProjectMigrations(migrations);
    }

    /** The project in {@code text}; {@code source} is the file name used in messages and for a missing name. */
    Project read(String text, String source) throws ProjectFileException {
        try {
            return read(JsonSyntax.parse(text, source), source);
        } catch (RuntimeException e) {
            throw new ProjectFileException(source, "", "LayerLoom could not open this project because of a mistake"
                    + " in LayerLoom itself (" + e + "). Please report this together with the project file.", e);
        }
    }

    private Project read(ObjectNode tree, String source) throws ProjectFileException {
        JsonCursor root = JsonCursor.root(upToDate(tree, source), source);
        root.allowOnly(Keys.PROJECT, "a project");
        JsonCursor nameField = root.field(Keys.NAME);
        String name = nameField.isPresent()
                ? nameField.text("The name of a project is text, like \"Handwritten digits\".") : defaultName(source);
        NetworkGraph graph = graphs.read(root.field(Keys.GRAPH)
                .required("Every project has a graph with its layers (\"nodes\") and \"wires\"."));
        DatasetChoice dataset = readDataset(root.field(Keys.DATASET));
        TrainingSettings training = new TrainingReader(root.field(Keys.TRAINING)).read();
        JsonCursor weightsField = root.field(Keys.STARTING_WEIGHTS);
        Optional<String> startingWeights = Optional.empty();
        if (weightsField.isPresent()) {
            String file = weightsField.text("The starting weights are a file name beside the project, like"
                    + " \"digits.weights.npz\".");
            if (file.isBlank() || file.contains("/") || file.contains("\\") || file.equals("..")) {
                throw weightsField.fail("the starting weights must be a file in the project's folder, like"
                        + " \"digits.weights.npz\", not \"" + file + "\".");
            }
            startingWeights = Optional.of(file);
        }
        return new Project(name, graph, dataset, training, startingWeights,
                new AssignmentReader(root.field(Keys.ASSIGNMENT)).read());
    }

    private ObjectNode upToDate(ObjectNode tree, String source) throws ProjectFileException {
        JsonCursor format = JsonCursor.root(tree, source).field(Keys.FORMAT)
                .required("Every LayerLoom project states its format, like \"format\" : 1. Is this really a .loom"
                        + " project?");
        long version = format.wholeLong("The format of a project is a whole number such as 1.");
        if (version > ProjectFormat.CURRENT) {
            throw new ProjectFileException(source, "", "this project was saved by a newer LayerLoom (format " + version
                    + "); this version reads up to format " + ProjectFormat.CURRENT + ". Update LayerLoom to open it.");
        }
        int oldest = migrations.oldestFormat();
        if (version < oldest) {
            String readable = oldest == ProjectFormat.CURRENT ? "format " + oldest
                    : "formats " + oldest + " to " + ProjectFormat.CURRENT;
            throw new ProjectFileException(source, "", "this project was saved in format " + version + ", which is too"
                    + " old for this version of LayerLoom (it reads " + readable + "). Open it in an older"
                    + " LayerLoom and save it there to bring it up to date.");
        }
        return version == ProjectFormat.CURRENT ? tree : migrations.upgrade(tree, (int) version, format);
    }

    static String defaultName(String source) {
        String name = source.toLowerCase(Locale.ROOT).endsWith(".loom")
                ? source.substring(0, source.length() - ".loom".length()) : source;
        return name.isBlank() ? "Untitled" : name;
    }

    private static DatasetChoice readDataset(JsonCursor dataset) throws ProjectFileException {
        if (!dataset.isPresent()) {
            return DatasetChoice.of(DatasetChoice.NO_DATASET);
        }
        dataset.object("The dataset says what the network learns from, like { \"source\" : \"mnist\" }.");
        dataset.allowOnly(Keys.DATASET_KEYS, "the dataset");
        JsonCursor sourceField = dataset.field(Keys.SOURCE);
        String source = DatasetChoice.NO_DATASET;
        if (sourceField.isPresent()) {
            source = sourceField.text("The source names a dataset, such as \"mnist\" or \"spirals\".");
            if (source.isBlank()) {
                throw sourceField.fail("the dataset source is empty. Name a dataset such as \"mnist\", or write"
                        + " \"none\".");
            }
        }
        TreeMap<String, Object> options = new TreeMap<>();
        JsonCursor optionsField = dataset.field(Keys.OPTIONS);
        if (optionsField.isPresent()) {
            optionsField.object("Dataset options are named values, like { \"noise\" : 0.1 }.");
            for (JsonCursor option : optionsField.members()) {
                options.put(option.key(), optionValue(option));
            }
        }
        return new DatasetChoice(source, options);
    }

    /** A String, Boolean, Integer, Long or Double. */
    private static Object optionValue(JsonCursor option) throws ProjectFileException {
        String advice = "A dataset option is text, a number, or true or false, like \"noise\" : 0.1.";
        JsonNode value = option.node();
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            long whole = option.wholeLong(advice);
            if (whole == (int) whole) {
                return Integer.valueOf((int) whole);
            }
            return Long.valueOf(whole);
        }
        if (value.isNumber()) {
            return option.number(advice);
        }
        throw option.fail("expected text, a number, or true or false but found " + JsonCursor.describe(value) + "."
                + " Dataset options are simple values, like \"noise\" : 0.1.");
    }
}
