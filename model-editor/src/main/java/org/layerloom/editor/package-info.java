/**
 * JavaFX views and view-models of the network graph: canvas, node skins, wires, palette, property
 * sheet, undo/redo and quick fixes. Uses only the {@code graph} and {@code project} packages of the
 * training engine; views run on the JavaFX thread. Being built; empty for now.
 */
package org.layerloom.editor;
