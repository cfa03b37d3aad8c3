/**
 * The training coach: plain rules over the recorded metric sequences of a run (per-batch loss, accuracy
 * and throughput, per-epoch training and validation results) that turn a situation (the loss diverges,
 * oscillates or plateaus early, the model overfits, accuracy stays near chance, the run is slow) into one
 * piece of advice with a reason in numbers and suggested actions as data (a setting change or a graph
 * edit), each fired once per run; and the {@link org.layerloom.engine.train.coach.HealthCoach}, rules that
 * turn the training-health numbers of {@code LayerHealthCaptured} into {@link org.layerloom.engine.train.coach.HealthAdvice}.
 * No JavaFX, no DJL.
 */
package org.layerloom.engine.train.coach;
