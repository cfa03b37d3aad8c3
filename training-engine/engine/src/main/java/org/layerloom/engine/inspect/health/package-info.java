/**
 * Training health: the {@link org.layerloom.engine.inspect.health.HealthProbe} that measures gradient
 * norms, update-to-parameter ratios, activation statistics, dead ReLUs, saturation and weight histograms
 * on the training worker; plain-Java statistics ({@link org.layerloom.engine.inspect.health.ActivationHealth},
 * {@link org.layerloom.engine.inspect.health.Thumbnails}). The rules that turn the numbers into advice,
 * {@link org.layerloom.engine.train.coach.HealthCoach}, are plain Java and live with the coach.
 */
package org.layerloom.engine.inspect.health;
