package org.layerloom.engine.project;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens and saves LayerLoom projects: one UTF-8 JSON file {@code NAME.loom} with a format number, the
 * graph with node positions, the dataset choice and the training settings.
 *
 * <p>Loading either returns a complete {@link Project} or throws one {@link ProjectFileException} whose
 * message can be shown to a student as it is; it never throws anything else and never returns half a
 * project. Files of older formats are brought up to date on the way in. Saving writes the canonical text
 * of {@link #toJson(Project)} atomically, so the same project always gives the same bytes, and loading a
 * saved file gives an equal project. Dataset option numbers come back as Integer, Long or Double.
 *
 * <p>Stateless; any thread. Both methods touch the disk, so call them off the JavaFX thread.
 */
public final class ProjectFiles {

    /** The format this LayerLoom writes and the newest it reads. */
    public static final int CURRENT_FORMAT = ProjectFormat.CURRENT;

    /** The file name extension of projects. */
    public static final String EXTENSION = ".loom";

    private static final ProjectReader READER = new ProjectReader();

    private ProjectFiles() {
    }

    /** The project in {@code file}. */
    public static Project load(Path file) throws ProjectFileException {
        String source = sourceName(file);
        return fromBytes(ProjectText.read(file, source), source);
    }

    /**
     * Writes {@code project} to {@code file}, replacing it all at once: if anything fails, the previous
     * file is left as it was. Refuses (with an IOException) a project that could not be opened again,
     * such as one holding a batch size of 0, rather than overwrite a good file with it. Dataset paths
     * near the file are stored relative to its folder ({@link DatasetPathOptions}).
     */
    public static void save(Project project, Path file) throws IOException {
        String source = sourceName(file);
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            project = project.withDataset(DatasetPathOptions.relativeTo(project.dataset(), folder));
        }
        byte[] bytes;
        try {
            bytes = ProjectText.encode(toJson(project));
        } catch (CharacterCodingException e) {
            throw new IOException("LayerLoom did not save " + source + " because a name in the project contains a"
                    + " broken character that cannot be stored as text.", e);
        }
        try {
            fromBytes(bytes, source);
        } catch (ProjectFileException e) {
            throw new IOException("LayerLoom did not save " + source + " because it could not open the result again ("
                    + e.getMessage() + "). Please report this.", e);
        }
        AtomicFileWriter.write(file, bytes);
    }

    /** The exact text {@link #save(Project, Path)} writes. */
    public static String toJson(Project project) {
        return ProjectWriter.toJson(Objects.requireNonNull(project, "project"));
    }

    /**
     * The project in {@code json}, as if read from a file named {@code sourceName} (used in messages and
     * as the project name when the text has none).
     */
    public static Project fromJson(String json, String sourceName) throws ProjectFileException {
        return READER.read(Objects.requireNonNull(json, "json"), Objects.requireNonNull(sourceName, "sourceName"));
    }

    private static Project fromBytes(byte[] bytes, String source) throws ProjectFileException {
        return READER.read(ProjectText.decode(bytes, source), source);
    }

    private static String sourceName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
