package org.layerloom.app.fx;

import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * The JavaFX adapter for background work: workers {@link #append} events from any thread; once per
 * pulse an {@link AnimationTimer} drains them and hands every subscriber one {@code List} batch (see
 * {@link EventBatcher}), so views update once per frame however fast events come, and never through a
 * {@code Platform.runLater} per event. One pump is shared by all views of training events (dashboard,
 * inspection, health), wired in the app's composition root.
 *
 * <p>Threads: {@link #append} from any thread; everything else on the JavaFX thread. Life-cycle:
 * {@link #start()} once the toolkit runs, {@link #stop()} when the window closes.
 */
public final class EventPump<T> {

    /** At most this many events per pulse; a flood is spread over the next pulses. */
    public static final int MAX_PER_PULSE = 20_000;

    private final EventBatcher<T> batcher = new EventBatcher<>(MAX_PER_PULSE);
    private AnimationTimer timer;

    /** Queues an event for the next pulse; any thread. Fits {@code TrainingListener} as {@code pump::append}. */
    public void append(T event) {
        batcher.append(event);
    }

    /** Adds a subscriber called once per pulse that has events, with all of them; the handle removes it. */
    public AutoCloseable subscribe(Consumer<? super List<T>> subscriber) {
        return batcher.subscribe(subscriber);
    }

    /** Starts draining once per pulse. */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    batcher.drain();
                }
            };
        }
        timer.start();
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Drains now, outside a pulse (tests, or a view that must catch up at once); JavaFX thread. */
    public int drainNow() {
        return batcher.drain();
    }

    /** Whether events wait for the next pulse; any thread. */
    public boolean hasPending() {
        return batcher.hasPending();
    }

    /** Non-empty batches handed out so far. */
    public long batches() {
        return batcher.batches();
    }

    /** Events handed out so far. */
    public long delivered() {
        return batcher.delivered();
    }
}
