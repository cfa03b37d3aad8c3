/**
 * The training coach: plain rules over the recorded metric sequences of a run (per-batch loss, accuracy
 * and throughput, per-epoch training and validation results) that turn a situation (the loss diverges,
 * oscillates or plateaus early, the model overfits, accuracy stays near chance, the run is slow, it was still
 * improving when its epochs ran out) into one piece of advice with a reason in numbers and suggested actions
 * as data (a setting change, a graph edit, more epochs), each fired once per run after the rule's warm-up,
 * one card per setting at a time, withdrawn again when followed, replaced or moot ({@link
 * org.layerloom.engine.train.coach.CoachNews}); and the {@link org.layerloom.engine.train.coach.HealthCoach}, rules that
 * turn the training-health numbers of {@code LayerHealthCaptured} into {@link org.layerloom.engine.train.coach.HealthAdvice}.
 * No JavaFX, no DJL.
 */
package org.layerloom.engine.train.coach;
