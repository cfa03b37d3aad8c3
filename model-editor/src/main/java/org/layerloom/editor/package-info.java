/**
 * JavaFX views and view-models of the network graph: canvas, node skins, wires, palette, property
 * sheet, undo/redo and quick fixes. Uses only the {@code graph} and {@code project} packages of the
 * training engine. {@code model} and {@code command} are plain Java (tested without a toolkit);
 * {@code view} runs on the JavaFX thread; {@code export} writes pictures.
 */
package org.layerloom.editor;
