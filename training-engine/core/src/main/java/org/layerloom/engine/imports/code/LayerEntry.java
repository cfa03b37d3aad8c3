package org.layerloom.engine.imports.code;

/** One row of a framework's table: the layer's signature and how it translates. Immutable. */
record LayerEntry(Signature signature, LayerRecipe recipe) {
}
