/**
 * The JavaFX adapter for background work: {@link org.layerloom.app.fx.EventPump} queues events from
 * worker threads and drains them once per pulse into batches for the views.
 */
package org.layerloom.app.fx;
