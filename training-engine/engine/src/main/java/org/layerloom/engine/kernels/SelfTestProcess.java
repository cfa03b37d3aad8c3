package org.layerloom.engine.kernels;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link KernelSelfTest} in a child JVM (the same Java and class path, the same environment, oneDNN
 * switched as it is in this process, the same number of engine threads) and reads its report back. Run in
 * the process that trains, the self-test's few hundred engine calls on other shapes and layers left every
 * later engine call slower for the life of the process: on the MLP benchmark (AMD EPYC, family 26) 61,490
 * against 75,520 samples/s, means of 7 and 8 alternating runs with it in the process and in a child, also
 * with only the C1 compiler and with the self-test on another thread. The kernels are the same shared library
 * on the same processor, so the child's verdict is this process's. When the child cannot run or answer,
 * the self-test runs here as before. Any thread but the JavaFX thread; one run at a time per caller.
 */
public final class SelfTestProcess {

    private static final String MAIN = SelfTestProcess.class.getName();
    private static final long TIMEOUT_SECONDS = 120;

    private SelfTestProcess() {
    }

    /**
     * The self-test's report, from a child JVM, or from this process when the child fails; its time is
     * the whole wait (about 1.5 s more than in this process: the child's start and engine load).
     */
    public static SelfTestReport run() {
        boolean oneDnn = OneDnnSwitch.find().map(OneDnnSwitch::enabled).orElse(true);
        long start = System.nanoTime();
        try {
            SelfTestReport child = inChild(oneDnn, RecurrentOneDnn.isArmed(), JniUtils.getNumThreads());
            // What the person waited for: the child's start and engine load too, not only its cases.
            return new SelfTestReport(child.cases(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return KernelSelfTest.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KernelSelfTest.run();
        }
    }

    /**
     * Runs the self-test in a child JVM with oneDNN on or off, {@link RecurrentOneDnn} armed or not, and
     * {@code threads} engine threads.
     *
     * @throws IOException when the child cannot start, fails, takes over two minutes, or answers nothing readable
     */
    static SelfTestReport inChild(boolean oneDnn, boolean recurrentOneDnn, int threads) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("no java launcher at " + java);
        }
        List<String> command = new ArrayList<>();
        // Below the app in priority where the system has nice: at start-up the window must not wait for it.
        Path nice = Path.of("/usr/bin/nice");
        if (!isWindows() && Files.isExecutable(nice)) {
            command.addAll(List.of(nice.toString(), "-n", "10"));
        }
        command.add(java.toString());
        // This JVM's own options (the installed app's PYTORCH_LIBRARY_PATH, a test's user.home, …), less agents.
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agent") && !option.startsWith("-javaagent") && !option.startsWith("-Xrunjdwp")
                    && !option.startsWith("-XX:StartFlightRecording") && !option.startsWith("-Xlog")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Djava.awt.headless=true",
                "-Duser.home=" + System.getProperty("user.home"), "-cp", System.getProperty("java.class.path"),
                MAIN, oneDnn ? "on" : "off", Integer.toString(threads), recurrentOneDnn ? "recurrent-on" : "-"));
        // Its report goes to a file, so that waiting for it can time out (a pipe read would wait for ever).
        Path report = Files.createTempFile("layerloom-self-test", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(report.toFile()).start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("the self-test's process did not finish");
                }
            } finally {
                process.destroyForcibly();
            }
            if (process.exitValue() != 0) {
                throw new IOException("the self-test's process failed with exit code " + process.exitValue());
            }
            return parse(Files.readString(report, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    /** Reads what {@link #main} printed: one tab-separated line per case, then {@code millis <n>}. */
    static SelfTestReport parse(String output) throws IOException {
        List<CaseResult> cases = new ArrayList<>();
        Long millis = null;
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length == 6 && fields[0].equals("case")) {
                try {
                    cases.add(new CaseResult(fields[1], Double.parseDouble(fields[2]), Double.parseDouble(fields[3]),
                            fields[4].isEmpty() ? null : fields[4], Boolean.parseBoolean(fields[5])));
                } catch (NumberFormatException e) {
                    throw new IOException("the self-test's process wrote an unreadable line: " + line);
                }
            } else if (fields.length == 2 && fields[0].equals("millis")) {
                millis = Long.parseLong(fields[1].strip());
            }
        }
        if (millis == null || cases.size() != KernelSelfTest.cases().size()) {
            throw new IOException("the self-test's process reported " + cases.size() + " of "
                    + KernelSelfTest.cases().size() + " cases");
        }
        return new SelfTestReport(cases, millis);
    }

    /** The child: {@code on|off THREADS [recurrent-on]}; prints the report for {@link #parse}. */
    public static void main(String[] args) {
        Engine.getInstance();
        LibtorchLog.quiet();
        boolean oneDnn = args.length < 1 || !args[0].equals("off");
        boolean recurrentOneDnn = args.length > 2 && args[2].equals("recurrent-on");
        OneDnnSwitch.find().ifPresent(s -> {
            s.set(oneDnn);
            if (recurrentOneDnn && !oneDnn) {
                RecurrentOneDnn.arm(s);
            }
        });
        if (args.length > 1) {
            JniUtils.setNumThreads(Integer.parseInt(args[1]));
        }
        SelfTestReport report = KernelSelfTest.run();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (CaseResult c : report.cases()) {
            out.println(String.join("\t", "case", c.name(), Double.toString(c.forwardError()),
                    Double.toString(c.gradientError()), c.worstGradient() == null ? "" : c.worstGradient(),
                    Boolean.toString(c.passed())));
        }
        out.println("millis\t" + report.millis());
        out.flush();
        System.exit(0);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
