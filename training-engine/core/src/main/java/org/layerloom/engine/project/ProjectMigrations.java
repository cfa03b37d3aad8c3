package org.layerloom.engine.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The chain of {@link ProjectMigration}s from the oldest format LayerLoom still opens up to
 * {@link ProjectFormat#CURRENT}. Immutable; any thread.
 */
final class ProjectMigrations {

    /**
     * The migrations of the released formats: none yet, because format 1 is the first. When format 2
     * arrives, add the step from 1 to 2 here and keep every older step.
     */
    static final List<ProjectMigration> RELEASED = List.of();

    private final List<ProjectMigration> steps;

    /** @throws IllegalArgumentException unless the steps form one unbroken chain ending at the current format */
    ProjectMigrations(List<ProjectMigration> migrations) {
        List<ProjectMigration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(ProjectMigration::fromFormat));
        for (int i = 0; i < sorted.size(); i++) {
            int expected = ProjectFormat.CURRENT - sorted.size() + i;
            if (sorted.get(i).fromFormat() != expected) {
                throw new IllegalArgumentException("migrations must lead one format at a time up to format "
                        + ProjectFormat.CURRENT + "; found one from format " + sorted.get(i).fromFormat()
                        + " where one from format " + expected + " was due");
            }
        }
        this.steps = List.copyOf(sorted);
    }

    /** The oldest format these migrations can bring up to date. */
    int oldestFormat() {
        return ProjectFormat.CURRENT - steps.size();
    }

    /**
     * {@code project}, which is in {@code format}, brought to the current format. {@code format} must
     * lie between {@link #oldestFormat()} and the current format.
     */
    ObjectNode upgrade(ObjectNode project, int format, JsonCursor where) throws ProjectFileException {
        ObjectNode tree = project;
        for (ProjectMigration step : steps.subList(format - oldestFormat(), steps.size())) {
            try {
                tree = step.migrate(tree);
            } catch (RuntimeException e) {
                throw new ProjectFileException(where.source(), where.path(), "LayerLoom could not bring this project"
                        + " up to date from format " + step.fromFormat() + " (" + e.getMessage() + "). Please report"
                        + " this together with the project file.", e);
            }
            if (tree == null) {
                throw new ProjectFileException(where.source(), where.path(), "LayerLoom could not bring this project"
                        + " up to date from format " + step.fromFormat() + ". Please report this together with the"
                        + " project file.");
            }
            tree.put(Keys.FORMAT, step.fromFormat() + 1);
        }
        return tree;
    }
}
