/**
 * The student's own tables: CSV/TSV reading (encoding, delimiter and header detection, quotes), column encoding
 * (numbers, one-hot categories, missing values counted), normalisation fitted on the training split, and the
 * "csv" source. Plain Java; values are immutable, sources stateless.
 */
package org.layerloom.engine.data.csv;
