package org.layerloom.editor.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.editor.TestGraphs;
import org.layerloom.editor.command.SetParameterCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.testing.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Prints how the editor copes with a 300-layer graph: frame times while a layer is dragged and while
 * the view pans (the toolkit's real pulses, headless), and the time one edit takes to revalidate and
 * to redraw. Numbers, not assertions: run with
 * {@code mvn -o -pl model-editor -am test -Dtest=EditorScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class EditorScaleBenchmark {

    private static final int NODES = 300;
    private static final int FRAMES = 180;

    private EditorPane pane;
    private EditorViewModel editor;
    private Scene scene;

    @Start
    void start(Stage stage) {
        editor = TestGraphs.editorWith(TestGraphs.large(NODES));
        pane = new EditorPane(editor, new EditorServices(Runnable::run, Runnable::run, new RecentFiles(Optional.empty())));
        scene = new Scene(new EditorWindow(pane), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void prints_frame_and_revalidation_times_for_300_layers() throws Exception {
        System.out.printf(Locale.ROOT, "bench editor nodes=%d wires=%d%n", editor.graph().nodes().size(),
                editor.graph().wires().size());
        Fx.run(() -> pane.canvas().zoomReset());
        Node dragged = editor.graph().nodes().get(NODES / 2);
        Fx.run(() -> pane.canvas().focusOn(dragged.id()));
        measureFrames("drag", frame -> pane.canvas().moveSkin(dragged.id(),
                dragged.position().translated(frame * 2, frame)));
        measureFrames("pan", frame -> pane.canvas().panBy(-3, -1));
        Fx.run(() -> pane.canvas().fit());
        measureFrames("pan-fit-all", frame -> pane.canvas().panBy(2, 1));

        List<String> dense = editor.graph().nodes().stream().filter(n -> n.id().startsWith("dense") && !n.id()
                .equals("dense_out")).map(Node::id).toList();
        long[] validation = new long[200];
        long[] wholeEdit = new long[200];
        for (int i = 0; i < validation.length; i++) {
            String id = dense.get(i % dense.size());
            int units = i % 2 == 0 ? 32 : 64;
            int k = i;
            Fx.run(() -> {
                long t0 = System.nanoTime();
                new SetParameterCommand(editor, id, "units", new ParamValue.Int(units)).executeIfPossible();
                wholeEdit[k] = System.nanoTime() - t0;
                validation[k] = editor.lastValidationNanos();
            });
        }
        print("revalidate-one-edit", validation);
        print("edit-with-redraw", wholeEdit);
        long[] validationCpu = new long[200];
        long[] editCpu = new long[200];
        org.layerloom.engine.graph.GraphValidator validator = org.layerloom.engine.graph.GraphValidator.standard();
        for (int i = 0; i < validationCpu.length; i++) {
            String id = dense.get(i % dense.size());
            int units = i % 2 == 0 ? 48 : 64;
            int k = i;
            Fx.run(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                validator.validate(editor.graph());
                long c1 = THREADS.getCurrentThreadCpuTime();
                new SetParameterCommand(editor, id, "units", new ParamValue.Int(units)).executeIfPossible();
                long c2 = THREADS.getCurrentThreadCpuTime();
                validationCpu[k] = c1 - c0;
                editCpu[k] = c2 - c1;
            });
        }
        print("revalidate-one-edit-cpu", validationCpu);
        print("edit-with-redraw-cpu", editCpu);

        long[] drop = new long[20];
        for (int i = 0; i < drop.length; i++) {
            int k = i;
            Fx.run(() -> {
                long t0 = System.nanoTime();
                new org.layerloom.editor.command.MoveNodesCommand(editor, java.util.Map.of(dragged.id(),
                        new Position(k * 20, 0))).executeIfPossible();
                drop[k] = System.nanoTime() - t0;
            });
        }
        print("drop-after-drag", drop);

        // The training-health overlay on every node and wire: one update of all of it, then drag and pan.
        long[] overlayUpdate = new long[20];
        for (int i = 0; i < overlayUpdate.length; i++) {
            int k = i;
            Fx.run(() -> {
                long t0 = System.nanoTime();
                HealthOverlayTest.feed(pane.canvas().healthOverlay(), editor.graph(), k);
                overlayUpdate[k] = System.nanoTime() - t0;
            });
        }
        Fx.run(() -> {
            HealthOverlay overlay = pane.canvas().healthOverlay();
            overlay.previewsShownProperty().set(true);
            overlay.healthShownProperty().set(true);
            overlay.gradientsShownProperty().set(true);
        });
        long[] overlayShown = new long[20];
        for (int i = 0; i < overlayShown.length; i++) {
            int k = i;
            Fx.run(() -> {
                long t0 = System.nanoTime();
                HealthOverlayTest.feed(pane.canvas().healthOverlay(), editor.graph(), k + 1);
                overlayShown[k] = System.nanoTime() - t0;
            });
        }
        print("health-overlay-update-hidden", overlayUpdate);
        print("health-overlay-update-shown", overlayShown);
        Fx.run(() -> pane.canvas().zoomReset());
        Fx.run(() -> pane.canvas().focusOn(dragged.id()));
        measureFrames("overlay-drag", frame -> pane.canvas().moveSkin(dragged.id(),
                dragged.position().translated(frame * 2, frame)));
        measureFrames("overlay-pan", frame -> pane.canvas().panBy(-3, -1));
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the JavaFX and render threads: what a frame costs without waiting for other programs. */
    private static long toolkitCpuNanos() {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("JavaFX Application Thread") || t.getName().startsWith("QuantumRenderer")) {
                total += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }

    private void measureFrames(String name, Consumer<Integer> perFrame) throws InterruptedException {
        long cpuBefore = toolkitCpuNanos();
        long[] intervals = new long[FRAMES];
        long[] work = new long[FRAMES];
        long[] pulseStart = new long[1];
        int[] frame = {-1};
        Runnable post = () -> {
            if (frame[0] >= 0 && frame[0] < FRAMES) {
                work[frame[0]] = System.nanoTime() - pulseStart[0];
            }
        };
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> scene.addPostLayoutPulseListener(post));
        AnimationTimer timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                pulseStart[0] = System.nanoTime();
                int f = ++frame[0];
                if (f > 0 && f <= FRAMES) {
                    intervals[f - 1] = now - last;
                }
                last = now;
                if (f >= FRAMES) {
                    stop();
                    scene.removePostLayoutPulseListener(post);
                    done.countDown();
                    return;
                }
                perFrame.accept(f);
            }
        };
        Platform.runLater(timer::start);
        done.await(60, TimeUnit.SECONDS);
        long cpu = toolkitCpuNanos() - cpuBefore;
        print(name + "-frame-interval", intervals);
        print(name + "-frame-work", work);
        System.out.printf(Locale.ROOT, "bench editor %s-frame-cpu mean_ms=%.2f (JavaFX + render threads, per frame)%n",
                name, cpu / 1e6 / FRAMES);
    }


    private static void print(String name, long[] nanos) {
        long[] sorted = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
        if (sorted.length == 0) {
            System.out.println("bench editor " + name + " no samples");
            return;
        }
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "median_ms=%.2f", sorted[sorted.length / 2] / 1e6));
        parts.add(String.format(Locale.ROOT, "p95_ms=%.2f", sorted[(int) (sorted.length * 0.95)] / 1e6));
        parts.add(String.format(Locale.ROOT, "max_ms=%.2f", sorted[sorted.length - 1] / 1e6));
        System.out.println("bench editor " + name + " " + String.join(" ", parts) + " samples=" + sorted.length);
    }
}
