package org.layerloom.app.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The drain-and-batch logic, without the toolkit. */
class EventBatcherTest {

    @Test
    void one_drain_hands_each_subscriber_the_same_batch_in_order() {
        EventBatcher<Integer> batcher = new EventBatcher<>(100);
        List<List<Integer>> first = new ArrayList<>();
        List<List<Integer>> second = new ArrayList<>();
        batcher.subscribe(first::add);
        batcher.subscribe(second::add);
        for (int i = 0; i < 5; i++) {
            batcher.append(i);
        }
        assertThat(batcher.drain()).isEqualTo(5);
        assertThat(first).containsExactly(List.of(0, 1, 2, 3, 4));
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThatThrownBy(() -> first.get(0).add(9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_empty_queue_calls_nobody() {
        EventBatcher<String> batcher = new EventBatcher<>(10);
        List<List<String>> got = new ArrayList<>();
        batcher.subscribe(got::add);
        assertThat(batcher.drain()).isZero();
        assertThat(got).isEmpty();
    }

    @Test
    void a_flood_is_spread_over_several_drains() {
        EventBatcher<Integer> batcher = new EventBatcher<>(3);
        List<Integer> sizes = new ArrayList<>();
        batcher.subscribe(batch -> sizes.add(batch.size()));
        for (int i = 0; i < 7; i++) {
            batcher.append(i);
        }
        while (batcher.drain() > 0) {
            // keep draining
        }
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(batcher.batches()).isEqualTo(3);
        assertThat(batcher.delivered()).isEqualTo(7);
    }

    @Test
    void a_failing_subscriber_does_not_starve_the_others() {
        EventBatcher<Integer> batcher = new EventBatcher<>(10);
        List<Integer> got = new ArrayList<>();
        batcher.subscribe(batch -> {
            throw new IllegalStateException("broken view");
        });
        batcher.subscribe(got::addAll);
        batcher.append(1);
        batcher.drain();
        assertThat(got).containsExactly(1);
    }

    @Test
    void a_closed_subscription_gets_no_more_batches() throws Exception {
        EventBatcher<Integer> batcher = new EventBatcher<>(10);
        List<Integer> got = new ArrayList<>();
        AutoCloseable subscription = batcher.subscribe(got::addAll);
        batcher.append(1);
        batcher.drain();
        subscription.close();
        batcher.append(2);
        batcher.drain();
        assertThat(got).containsExactly(1);
    }

    @Test
    void events_from_many_threads_all_arrive_once() throws Exception {
        EventBatcher<Integer> batcher = new EventBatcher<>(1_000_000);
        List<Integer> got = new ArrayList<>();
        batcher.subscribe(got::addAll);
        int threads = 4;
        int each = 10_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    batcher.append(base + i);
                }
                done.countDown();
            }).start();
        }
        while (done.getCount() > 0 || batcher.hasPending()) {
            batcher.drain();
        }
        assertThat(got).hasSize(threads * each).doesNotHaveDuplicates();
    }
}
