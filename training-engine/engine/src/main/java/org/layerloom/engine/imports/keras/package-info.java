/**
 * Imports Keras models (issue 18): {@link org.layerloom.engine.imports.keras.KerasImporter} reads a Keras 3
 * {@code .keras} archive, a legacy Keras 2 {@code .h5} file or a model JSON (Keras {@code to_json()} or a
 * TensorFlow.js {@code model.json}) and gives a {@link org.layerloom.engine.imports.keras.KerasImport}: the
 * LayerLoom graph, the weights under PyTorch {@code state_dict} names, notes and problems. The structure is read
 * with Jackson, the HDF5 weights with jhdf (pure Java). Nothing here touches DJL or JavaFX; the graph is checked
 * with the core's {@code GraphValidator}.
 */
package org.layerloom.engine.imports.keras;
