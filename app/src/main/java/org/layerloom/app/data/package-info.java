/**
 * The data preview pane: a view model that loads and previews a dataset off the JavaFX thread, the view
 * (sample grid, first rows, sentences, class bars, findings), and the screenshot window for
 * {@code layerloom screenshot --view data}.
 */
package org.layerloom.app.data;
