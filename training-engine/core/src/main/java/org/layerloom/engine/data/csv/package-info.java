/**
 * The student's own tables: CSV/TSV reading (encoding, delimiter and header detection, quotes), column encoding
 * (numbers, one-hot categories, missing values counted), normalisation fitted on the training split, and the
 * "csv" source. The source streams: {@link org.layerloom.engine.data.csv.TableScan} gathers column facts
 * without keeping rows, {@link org.layerloom.engine.data.csv.TableEncoder} writes the numbers in a second
 * pass, {@code TableSplits} splits and normalises them in place. {@link org.layerloom.engine.data.csv.CsvTable}
 * still reads small files whole (the text reader's tables). Plain Java; values are immutable, sources
 * stateless.
 */
package org.layerloom.engine.data.csv;
