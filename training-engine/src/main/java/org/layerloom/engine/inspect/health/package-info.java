/**
 * Training health: the {@link org.layerloom.engine.inspect.health.HealthProbe} that measures gradient
 * norms, update-to-parameter ratios, activation statistics, dead ReLUs, saturation and weight histograms
 * on the training worker; plain-Java statistics ({@link org.layerloom.engine.inspect.health.ActivationHealth},
 * {@link org.layerloom.engine.inspect.health.Thumbnails}); and the
 * {@link org.layerloom.engine.inspect.health.HealthCoach}, rules that turn the numbers into advice.
 */
package org.layerloom.engine.inspect.health;
