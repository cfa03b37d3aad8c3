package org.layerloom.engine.project;

/** The version and limits of the {@code .loom} file format. Constants only. */
final class ProjectFormat {

    /** The format this LayerLoom writes and the newest it reads. */
    static final int CURRENT = 1;

    /** The most layers a project may have. */
    static final int MAX_NODES = 10_000;

    /** Node ids are short words of letters, digits, _ and -. */
    static final int MAX_ID_LENGTH = 100;

    private ProjectFormat() {
    }
}
