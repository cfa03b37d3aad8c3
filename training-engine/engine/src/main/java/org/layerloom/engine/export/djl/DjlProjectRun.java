package org.layerloom.engine.export.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.kernels.KernelGuard;

/**
 * Runs a written DJL (Java) export in this JVM, to check it: compiles its sources with the JDK's compiler
 * ({@code javax.tools}) against the DJL this engine runs on, loads the classes in a fresh class loader, builds
 * its {@code Network}, loads its {@code weights.npz} with its own {@code Weights}, and runs a batch, keeping
 * every layer's result. The classes are compiled into a temporary folder that is deleted afterwards, so the
 * export folder is left as written. Stateless; call off the JavaFX thread.
 */
public final class DjlProjectRun {

    /** Why an export could not be run here; the message is a sentence for the student. */
    public static final class NotRunnable extends Exception {
        NotRunnable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private DjlProjectRun() {
    }

    /** Whether this Java runtime has a compiler, without which nothing can be run. */
    public static boolean compilerAvailable() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /**
     * Every layer's result for {@code batch}, by layer id in the order the network computes them, as float32
     * values in row-major order.
     *
     * @throws NotRunnable when there is no compiler, the sources do not compile, or the network fails to load
     *                     or run; the message says which
     */
    public static Map<String, float[]> layerResults(Path project, ReferenceOutputs.Batch batch) throws NotRunnable {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new NotRunnable("This Java runtime has no compiler (javax.tools), so LayerLoom cannot build the"
                    + " exported Java here; build it with `mvn -q compile exec:java` as its README says.", null);
        }
        Path classes = null;
        try {
            classes = Files.createTempDirectory("layerloom-djl-check");
            compile(compiler, project.resolve(DjlWriter.SOURCES), classes);
            return run(classes, project.resolve(DjlWriter.WEIGHTS), batch);
        } catch (IOException e) {
            throw new NotRunnable("Could not build the exported Java: " + e.getMessage(), e);
        } finally {
            deleteQuietly(classes);
        }
    }

    private static void compile(JavaCompiler compiler, Path sources, Path classes) throws IOException, NotRunnable {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null);
             Stream<Path> walk = Files.walk(sources)) {
            List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
            boolean ok = compiler.getTask(null, files, diagnostics, List.of("-classpath", djlApiJar(), "-d", classes.toString(), "--release", "17",
                            "-proc:none"), null, files.getJavaFileObjectsFromPaths(javaFiles)).call();
            if (!ok) {
                throw new NotRunnable("The exported Java does not compile: " + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).limit(3)
                        .map(d -> d.getMessage(null)).collect(Collectors.joining("; ")), null);
            }
        }
    }

    /** The jar (or folder) of DJL's API, the only library the generated sources use. */
    private static String djlApiJar() throws IOException {
        try {
            return Path.of(NDArray.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find the jar of DJL's API", e);
        }
    }

    private static Map<String, float[]> run(Path classes, Path weightsFile, ReferenceOutputs.Batch batch)
            throws IOException, NotRunnable {
        KernelGuard.ensure();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DjlProjectRun.class.getClassLoader());
             NDManager manager = NDManager.newBaseManager()) {
            Class<?> networkClass = loader.loadClass(DjlWriter.PACKAGE + ".Network");
            Class<?> weightsClass = loader.loadClass(DjlWriter.PACKAGE + ".Weights");
            Object network = networkClass.getConstructor().newInstance();
            networkClass.getMethod("initialize", NDManager.class).invoke(network, manager);
            Object weights = weightsClass.getMethod("read", Path.class).invoke(null, weightsFile);
            networkClass.getMethod("load", weightsClass).invoke(network, weights);
            NDArray x = manager.create(batch.values(), new Shape(batch.shape()));
            if (batch.tokenIds()) {
                x = x.toType(DataType.INT64, false);
            }
            Map<String, float[]> results = new LinkedHashMap<>();
            BiConsumer<String, NDArray> seen = (layer, result) ->
                    results.put(layer, result.toType(DataType.FLOAT32, false).toFloatArray());
            networkClass.getMethod("forward", ParameterStore.class, NDArray.class, BiConsumer.class)
                    .invoke(network, new ParameterStore(manager, false), x, seen);
            return results;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NotRunnable("The exported Java failed to run: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new NotRunnable("The exported Java lacks what LayerLoom writes: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
