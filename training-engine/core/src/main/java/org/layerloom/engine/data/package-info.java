/**
 * Datasets for training: sources that load or generate them ({@link org.layerloom.engine.data.DatasetSource},
 * {@link org.layerloom.engine.data.DatasetRegistry}), and the in-memory splits they produce
 * ({@link org.layerloom.engine.data.Dataset}, {@link org.layerloom.engine.data.Splits},
 * {@link org.layerloom.engine.data.Examples}).
 *
 * <p>Plain Java: no DJL, no JavaFX. A split holds its examples in one big primitive array so that the trainer
 * can copy it into a native tensor in one go ({@link org.layerloom.engine.data.RealFeatures#buffer()}) and
 * gather batches natively. Values are immutable and may be shared between threads; sources run on a background
 * thread, report progress and can be cancelled through a {@link org.layerloom.engine.data.ProgressListener}.
 */
package org.layerloom.engine.data;
