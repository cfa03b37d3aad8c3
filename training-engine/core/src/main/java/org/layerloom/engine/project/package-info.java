/**
 * LayerLoom projects and their files.
 *
 * <p>{@link org.layerloom.engine.project.Project} and its parts are immutable values. A project is stored
 * as one UTF-8 JSON file {@code NAME.loom}, read and written only through
 * {@link org.layerloom.engine.project.ProjectFiles}:
 * <pre>
 * { "format" : 1, "name" : ..., "graph" : { "nodes" : [ ... ], "wires" : [ ... ] },
 *   "dataset" : { "source" : ..., "options" : { ... } }, "training" : { ... } }
 * </pre>
 * Keys keep a fixed order, parameters and options are sorted, small objects stay on one line, lines end
 * in LF, so projects diff well in git. Older formats are brought up to date by
 * {@link org.layerloom.engine.project.ProjectMigration}s; anything LayerLoom cannot open becomes a
 * {@link org.layerloom.engine.project.ProjectFileException} with a path and a sentence for the student.
 *
 * <p>This package uses neither JavaFX nor DJL (checked by {@code ProjectPackageArchitectureTest}).
 */
package org.layerloom.engine.project;
