package org.layerloom.app.fx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The toolkit-free heart of the event pump: any thread appends events to a lock-free queue;
 * {@link #drain()} takes everything queued so far and hands each subscriber the SAME unmodifiable list,
 * once, in the order the events arrived. A drain takes at most {@code maxPerDrain} events so one pulse
 * stays short after a flood (the rest wait for the next drain). Subscribers are called on the draining
 * thread; one that throws does not keep the others from their batch.
 *
 * <p>Threads: {@link #append} from any thread; {@link #subscribe} and {@link #drain} from one thread
 * (the JavaFX thread in the app).
 */
public final class EventBatcher<T> {

    private static final System.Logger LOG = System.getLogger(EventBatcher.class.getName());

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<? super List<T>>> subscribers = new CopyOnWriteArrayList<>();
    private final int maxPerDrain;
    private long delivered;
    private long batches;

    /** @param maxPerDrain the most events one drain hands out (at least 1) */
    public EventBatcher(int maxPerDrain) {
        if (maxPerDrain < 1) {
            throw new IllegalArgumentException("maxPerDrain must be at least 1, not " + maxPerDrain);
        }
        this.maxPerDrain = maxPerDrain;
    }

    /** Queues an event; any thread, never blocks. */
    public void append(T event) {
        queue.add(event);
    }

    /**
     * Adds a subscriber that gets every later batch; the returned handle removes it.
     */
    public AutoCloseable subscribe(Consumer<? super List<T>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * Hands everything queued (up to the limit) to every subscriber as one list, or nothing when the
     * queue is empty.
     *
     * @return how many events were handed out
     */
    public int drain() {
        List<T> batch = new ArrayList<>();
        T event;
        while (batch.size() < maxPerDrain && (event = queue.poll()) != null) {
            batch.add(event);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<T> view = Collections.unmodifiableList(batch);
        for (Consumer<? super List<T>> subscriber : subscribers) {
            try {
                subscriber.accept(view);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "A subscriber of the event pump failed on a batch of "
                        + view.size() + " events", e);
            }
        }
        delivered += view.size();
        batches++;
        return view.size();
    }

    /** Whether events wait to be drained; any thread. */
    public boolean hasPending() {
        return !queue.isEmpty();
    }

    /** Events handed out so far. */
    public long delivered() {
        return delivered;
    }

    /** Non-empty batches handed out so far. */
    public long batches() {
        return batches;
    }
}
