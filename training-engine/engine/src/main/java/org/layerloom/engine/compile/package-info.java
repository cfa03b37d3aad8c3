/**
 * The compiler: a valid {@code NetworkGraph} becomes a DJL block ({@link
 * org.layerloom.engine.compile.GraphBlock}) whose children are named by node ids, so that every node's
 * activations can be read back. {@link org.layerloom.engine.compile.GraphCompiler} is the entry point;
 * {@link org.layerloom.engine.compile.LossSpec} turns the Output node's loss into a DJL loss and
 * {@link org.layerloom.engine.compile.EngineSeed} makes initialisation reproducible. One factory class
 * per layer family decides which DJL block each layer kind becomes ({@code LayerBlocks}); where DJL has
 * no block with PyTorch's parameters and behaviour, a small block of ours fills in (token-id
 * embedding, post-norm Transformer encoder, positional encoding, merges, parameter-free functions).
 */
package org.layerloom.engine.compile;
