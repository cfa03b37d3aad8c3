package org.layerloom.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.layerloom.engine.bench.BenchmarkResult;

/**
 * Runs one repeat of a training benchmark in a fresh JVM, so that repeats do not inherit each other's
 * warmed-up engine, allocator or JIT state and the child's peak resident memory belongs to that one
 * benchmark: the same Java ({@code java.home}) and class path as this process, {@code Main bench NAME
 * --child …}, and reads back the child's one line of JSON. One instance per bench run; any single thread.
 */
final class FreshBenchProcess {

    private static final String MAIN = "org.layerloom.app.Main";

    private final List<String> java;

    FreshBenchProcess() {
        this.java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"));
    }

    /** The child's command line for {@code benchArgs} (the words after {@code bench}). */
    List<String> command(List<String> benchArgs) {
        List<String> command = new ArrayList<>(java);
        command.add(MAIN);
        command.add("bench");
        command.addAll(benchArgs);
        return command;
    }

    /**
     * Runs {@code bench NAME --child ...} in a new JVM and returns its result.
     *
     * @throws IOException when the child cannot start, fails, or prints no JSON
     */
    BenchmarkResult run(List<String> benchArgs) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(benchArgs))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException("the benchmark's child process failed with exit code " + code);
        }
        String last = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                last = line;
            }
        }
        if (last == null) {
            throw new IOException("the benchmark's child process printed no result: " + out.strip());
        }
        return parse(last);
    }

    /** A line of {@code bench --json} back as a result: whole numbers as Long, the rest as Double. */
    static BenchmarkResult parse(String jsonLine) throws IOException {
        JsonNode json = new ObjectMapper().readTree(jsonLine);
        Map<String, Number> metrics = new LinkedHashMap<>();
        for (Iterator<Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Entry<String, JsonNode> field = it.next();
            if (field.getValue().isIntegralNumber()) {
                metrics.put(field.getKey(), field.getValue().asLong());
            } else if (field.getValue().isNumber()) {
                metrics.put(field.getKey(), field.getValue().asDouble());
            }
        }
        return new BenchmarkResult(json.get("bench").asText(), metrics);
    }
}
