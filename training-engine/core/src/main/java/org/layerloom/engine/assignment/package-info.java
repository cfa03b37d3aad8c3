/**
 * A teacher's assignment carried by a project: instructions, goals checked after every run, and locks on
 * what the student may change.
 *
 * <p>{@link org.layerloom.engine.assignment.Assignment} and its parts are immutable values, read and written
 * with the rest of a {@code .loom} file. {@link org.layerloom.engine.assignment.GoalCheck} judges goals on
 * {@link org.layerloom.engine.assignment.NetworkFacts} (the graph alone) and
 * {@link org.layerloom.engine.assignment.RunFacts} (a finished run). This package uses neither JavaFX nor DJL.
 */
package org.layerloom.engine.assignment;
