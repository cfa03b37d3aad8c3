/**
 * Stepping through training one batch at a time: the worked optimizer update of one chosen weight
 * ({@link org.layerloom.app.train.step.WorkedUpdate}), its view-model and the step view of the Train area.
 */
package org.layerloom.app.train.step;
