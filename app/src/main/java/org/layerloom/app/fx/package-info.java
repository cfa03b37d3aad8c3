/**
 * The JavaFX adapter for background work: {@link org.layerloom.app.fx.EventPump} queues events from
 * worker threads and drains them once per pulse into batches for the views. Work of which only the latest
 * request counts (reading a project, a check, a dataset preview, the run history) goes through
 * {@link org.layerloom.editor.fx.LatestResult}, which lives in the editor because the editor's file actions
 * use it too and the editor must not depend on the app.
 */
package org.layerloom.app.fx;
