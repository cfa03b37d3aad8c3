package org.layerloom.app.smoke;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.layerloom.engine.train.EngineInfo;

/**
 * Loads the PyTorch engine on a background thread, and remembers how
 * long the load took (on a first run this includes DJL copying its JNI library into its cache).
 * {@link #start} from any thread; {@link #await} from a thread that may block.
 */
final class EngineLoad {

    private final CompletableFuture<EngineInfo> info;
    private volatile double seconds = Double.NaN;

    private EngineLoad(Executor background) {
        long start = System.nanoTime();
        info = CompletableFuture.supplyAsync(() -> {
            EngineInfo loaded = EngineInfo.load();
            seconds = (System.nanoTime() - start) / 1e9;
            return loaded;
        }, background);
    }

    static EngineLoad start(Executor background) {
        return new EngineLoad(background);
    }

    EngineInfo await(long timeoutSeconds) throws SmokeFailure, InterruptedException {
        try {
            return info.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new SmokeFailure("the PyTorch engine cannot be loaded: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SmokeFailure("the PyTorch engine did not load within " + timeoutSeconds + " s", e);
        }
    }

    /** How long loading took, NaN until it has finished. */
    double seconds() {
        return seconds;
    }
}
