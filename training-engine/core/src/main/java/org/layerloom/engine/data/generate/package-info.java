/**
 * Generated datasets that need no download: rendered shapes and digits (headless java.awt), sine-wave
 * forecasting and sequence classification. Deterministic from the request's seed.
 */
package org.layerloom.engine.data.generate;
