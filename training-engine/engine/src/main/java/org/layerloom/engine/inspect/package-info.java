/**
 * Looking inside a trained network, for the activation, attribution, weight, error-analysis and
 * embedding views. Open a network with {@link org.layerloom.engine.inspect.InspectedModel} (from a
 * {@code SavedRun}, or live on the training worker), then use one tool per question:
 * {@link org.layerloom.engine.inspect.Inspector} (prediction and every node's activation, attention
 * weights), {@link org.layerloom.engine.inspect.Attribution} (saliency, SmoothGrad, token importance),
 * {@link org.layerloom.engine.inspect.GradCam}, {@link org.layerloom.engine.inspect.WeightViews},
 * {@link org.layerloom.engine.inspect.DecisionBoundary}, {@link org.layerloom.engine.inspect.ErrorGallery}
 * and {@link org.layerloom.engine.inspect.EmbeddingProjector} (with {@link org.layerloom.engine.inspect.Pca}).
 * Every result is an immutable record of plain numbers; no engine array leaves a method, and each
 * method closes the sub-manager it works in. During training,
 * {@link org.layerloom.engine.inspect.LiveInspection} sends the health, preview, decision-map and
 * embedding events the job's {@code InspectionSettings} ask for. The gradient tools swap a node's output
 * for a leaf that requires a gradient through {@code GraphBlock.forwardTapped}.
 *
 * <p>Thread: one at a time, the thread that owns the network (the training worker or a single
 * inspection thread); DJL records gradients for one thread per process, so attribution never runs
 * while another thread trains.
 */
package org.layerloom.engine.inspect;
