package org.layerloom.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;

/**
 * The child process of {@link TableMemoryBenchmark}: loads one CSV table through the real "csv" source and
 * prints one line {@code rows=… cells=… seconds=… peak_heap_bytes=… peak_live_bytes=… baseline_bytes=…}, or
 * {@code error=…} and exit code 2 when the source refused the table. {@code peak_heap} is the most heap in use
 * that a sampler thread saw (every millisecond, garbage not yet collected included); {@code peak_live} the
 * most heap still in use after a garbage collection (what the load really holds). Run alone in a fresh JVM;
 * one thread loads.
 */
public final class TableLoadProbe {

    private TableLoadProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]).toAbsolutePath();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        AtomicLong live = new AtomicLong(baseline);
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    long after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                    live.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
        sampler.start();
        DatasetRequest request = new DatasetRequest("csv", DatasetOptions.of(Map.of("path",
                file.getFileName().toString())), file.getParent(), 7, 0.2, OptionalInt.empty());
        long start = System.nanoTime();
        try {
            Dataset data = DatasetRegistry.standard().load(request, ProgressListener.none());
            double seconds = (System.nanoTime() - start) / 1e9;
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            done.set(true);
            sampler.join();
            long cells = (long) data.splits().totalSize() * data.exampleShape().size();
            System.gc();
            Thread.sleep(200);
            System.out.printf(Locale.ROOT, "rows=%d cells=%d seconds=%.2f peak_heap_bytes=%d peak_live_bytes=%d "
                    + "baseline_bytes=%d%n", data.splits().totalSize(), cells, seconds, peak.get(), live.get(),
                    baseline);
        } catch (DatasetException e) {
            done.set(true);
            System.out.println("error=" + e.getMessage().replace('\n', ' '));
            System.exit(2);
        }
    }
}
