/**
 * Previews of loaded datasets as plain values (samples, class counts, first rows, sentences) and the data
 * doctor's findings (imbalance, train/test duplicates, constant inputs, labels that do not fit the Output).
 */
package org.layerloom.engine.data.preview;
