package org.layerloom.engine.project;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Why a project file could not be opened, in words a student understands: which file ({@link #source()}),
 * where in it ({@link #location()}) and what is wrong and what to do ({@link #problem()}). The message
 * joins the three as {@code "source: location: problem"}, leaving out empty parts, and is meant to be
 * shown as it is, without a stack trace. Immutable; any thread.
 */
public final class ProjectFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source the file name, such as {@code digits.loom}
     * @param location a JSON path such as {@code $.graph.nodes[2].params.units}, {@code line 14, column 3}
     *                 for a syntax error, or "" when the whole file is concerned
     * @param problem one or more full sentences
     */
    public ProjectFileException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public ProjectFileException(String source, String location, String problem, Throwable cause) {
        super(join(source, location, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.location = Objects.requireNonNull(location, "location");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The name of the file, or of whatever the text came from. */
    public String source() {
        return source;
    }

    /** A JSON path, {@code line L, column C}, or "" when the whole file is concerned. */
    public String location() {
        return location;
    }

    /** What is wrong and what to do about it. */
    public String problem() {
        return problem;
    }

    private static String join(String source, String location, String problem) {
        return Stream.of(source, location, problem)
                .filter(part -> part != null && !part.isEmpty())
                .collect(Collectors.joining(": "));
    }
}
