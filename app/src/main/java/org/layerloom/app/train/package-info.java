/**
 * The training dashboard: {@link org.layerloom.app.train.TrainingDashboardView} (live charts, run
 * controls and progress, the test result with its confusion matrix, the run history with comparison),
 * over the toolkit-free {@link org.layerloom.app.train.TrainingDashboardViewModel} and
 * {@link org.layerloom.app.train.RunHistoryViewModel}.
 */
package org.layerloom.app.train;
