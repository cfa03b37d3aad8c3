/**
 * Picture folders (one sub-folder per class) read with ImageIO and headless java.awt, scaled to the model's
 * input, and seeded augmentation of the training split. Plain Java: no JavaFX.
 */
package org.layerloom.engine.data.image;
