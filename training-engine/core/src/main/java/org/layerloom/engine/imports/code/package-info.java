/**
 * Reading pasted Keras and PyTorch model code into a LayerLoom network, and writing networks back as code.
 *
 * <p>{@link org.layerloom.engine.imports.code.CodeImporter} tokenizes and parses a small Python subset
 * (imports, assignments, calls, lists, tuples, attributes, arithmetic), walks the statements with the
 * signature tables of each framework, and gives a {@link org.layerloom.engine.imports.code.CodeImport}: the
 * graph, the training settings the code sets, notes on what was translated, and located
 * {@link org.layerloom.engine.imports.code.CodeProblem}s for everything else. It never throws.
 * {@link org.layerloom.engine.imports.code.KerasCodePrinter} and
 * {@link org.layerloom.engine.imports.code.TorchCodePrinter} write a network as code the importer reads back
 * as the same graph (checked by property tests).
 *
 * <p>This package uses neither JavaFX nor DJL.
 */
package org.layerloom.engine.imports.code;
