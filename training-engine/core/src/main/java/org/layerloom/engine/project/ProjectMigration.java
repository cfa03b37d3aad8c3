package org.layerloom.engine.project;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of bringing an old project file up to date: it turns the JSON tree of a file in format
 * {@link #fromFormat()} into the tree the next format ({@code fromFormat() + 1}) would have. The reader
 * applies the steps in order until the file is in the current format, then reads it as usual; the
 * reader sets the {@code format} number itself. There are none yet, because format 1 is the first;
 * released steps are listed in {@code ProjectMigrations.RELEASED}. Implementations are stateless and
 * may be called from any thread; they may change and return the tree they are given.
 */
public interface ProjectMigration {

    /** The format this step reads; it produces {@code fromFormat() + 1}. */
    int fromFormat();

    /** The same project in format {@code fromFormat() + 1}. */
    ObjectNode migrate(ObjectNode project);
}
