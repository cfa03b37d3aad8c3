/**
 * Generated datasets that need no download: 2-D point sets (spirals, moons, circles, XOR, blobs), a noisy
 * curve, rendered shapes and digits (headless java.awt), sine-wave forecasting and sequence classification,
 * all made by one recipe ({@code GeneratorSource}). Deterministic from the request's seed.
 */
package org.layerloom.engine.data.generate;
