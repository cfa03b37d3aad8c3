package org.layerloom.engine.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new run learns from besides its own data: the saved weights of another run to start from (optionally
 * holding that run's pruned weights at zero, to fine-tune a pruned network) and a teacher run whose outputs it
 * learns to imitate (knowledge distillation, {@link DistillationLoss}). {@link #NONE} for an ordinary run.
 * Immutable; any thread.
 *
 * @param startFrom  the run folder whose weights the new run starts from, or null for the seed's weights
 * @param holdPruned whether the weights that are exactly zero in {@code startFrom}'s weight matrices and kernels
 *                   stay zero after every step (biases and normalisation are never held)
 * @param teacher    the teacher, or null
 */
public record RunGuidance(Path startFrom, boolean holdPruned, Teacher teacher) {

    /** An ordinary run: the seed's weights, its own labels. */
    public static final RunGuidance NONE = new RunGuidance(null, false, null);

    /**
     * A teacher run and how the student learns from it: {@code α · T² · KL(teacher ‖ student at T) + (1 − α) · CE}.
     *
     * @param run         the teacher's run folder (a classifier of the same examples)
     * @param temperature T, above 0; 4 is a usual choice
     * @param alpha       α, from 0 (labels only) to 1 (the teacher only)
     */
    public record Teacher(Path run, double temperature, double alpha) {

        public Teacher {
            Objects.requireNonNull(run, "run");
            if (!(temperature > 0) || !(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("Learning from a teacher needs a temperature above 0 and an alpha"
                        + " from 0 to 1, not T = " + temperature + ", alpha = " + alpha + ".");
            }
        }
    }

    public RunGuidance {
        if (holdPruned && startFrom == null) {
            throw new IllegalArgumentException("only a run that starts from another run's weights can hold its"
                    + " pruned weights");
        }
    }

    /** This guidance starting from the weights of {@code run}, holding its zeros when {@code holdZeros}. */
    public RunGuidance withStartFrom(Path run, boolean holdZeros) {
        return new RunGuidance(Objects.requireNonNull(run, "run"), holdZeros, teacher);
    }

    /** This guidance learning from {@code newTeacher} too (null: from the labels only). */
    public RunGuidance withTeacher(Teacher newTeacher) {
        return new RunGuidance(startFrom, holdPruned, newTeacher);
    }

    public Optional<Path> startFromRun() {
        return Optional.ofNullable(startFrom);
    }

    public Optional<Teacher> teacherRun() {
        return Optional.ofNullable(teacher);
    }

    /**
     * The guidance a run was started with, from the {@code "guidance"} section of its manifest (so that a resumed
     * run goes on learning as it started); {@link #NONE} when it has none.
     */
    public static RunGuidance fromManifest(java.util.Map<String, Object> manifest) {
        if (!(manifest.get("guidance") instanceof java.util.Map<?, ?> section)) {
            return NONE;
        }
        RunGuidance guidance = NONE;
        if (section.get("startedFromFolder") instanceof String folder) {
            boolean held = section.get("heldAtZero") instanceof Number n && n.longValue() > 0;
            guidance = guidance.withStartFrom(Path.of(folder), held);
        }
        if (section.get("teacherFolder") instanceof String folder
                && section.get("temperature") instanceof Number t && section.get("alpha") instanceof Number a) {
            guidance = guidance.withTeacher(new Teacher(Path.of(folder), t.doubleValue(), a.doubleValue()));
        }
        return guidance;
    }

    /** Whether this is an ordinary run. */
    public boolean isNone() {
        return startFrom == null && teacher == null;
    }
}
