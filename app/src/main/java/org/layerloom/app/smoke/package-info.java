/**
 * The installer's smoke test ({@code layerloom --smoke-test}): opens the start screen, opens the spirals
 * sample through the start screen's view-model, trains one epoch with the engine's training session on a
 * background thread, saves the project atomically, prints each step with its time and exits 0, or prints
 * what went wrong and exits non-zero. A watchdog bounds the whole run. Packaging runs it against the
 * unpacked {@code .deb} ({@code packaging/smoke-test.sh}).
 */
package org.layerloom.app.smoke;
