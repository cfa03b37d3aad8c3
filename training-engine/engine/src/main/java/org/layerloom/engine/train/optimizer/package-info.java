/**
 * Our own optimizers (SGD with momentum and Nesterov, Adam, AdamW, RMSProp, Adagrad), DJL
 * {@code Optimizer}s with PyTorch's update rules whose state can be saved with a run and loaded to
 * resume it. Used on the training worker thread only.
 */
package org.layerloom.engine.train.optimizer;
