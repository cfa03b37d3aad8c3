/**
 * Labelled texts for Embedding models: reading (a table or class folders of .txt files), a simple tokeniser,
 * a vocabulary built on the training split, padding and truncation, and the "text" source. Plain Java.
 */
package org.layerloom.engine.data.text;
