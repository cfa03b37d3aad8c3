package org.layerloom.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.TrainingRequest;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom train FILE.loom}: trains a project headless through the same launch path as the app
 * ({@link TrainingSession#start(TrainingRequest, TrainingListener)}: the dataset loads on the run's worker),
 * printing progress (or JSON lines), and saves the run beside the project. Ctrl-C stops after the current
 * batch and keeps the checkpoint. One instance per run, on the main thread.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the network of a project file and saves the run in NAME.runs/ beside it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:training finished", "130:stopped with Ctrl-C (the run and its checkpoint are saved)",
                "1:training failed (the reason is printed)", "2:the project or its data could not be read"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectFileParameter file;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the project's).")
    private Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per batch (default: the project's).")
    private Integer batchSize;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the dataset's files, e.g. the four MNIST IDX files.")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the run (default: NAME.runs beside the project).")
    private Path out;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto", description = "Where to train (default: the project's).")
    private String device;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for initialisation and shuffling (default: the project's).")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Engine threads (default: chosen for the network: 1 for a small one, every core for a large one).")
    private int threads;

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop when the validation loss has not improved for N epochs; 0: off"
                    + " (default: the project's).")
    private Integer patience;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Train on at most N examples, for a quick try (default: all).")
    private int limit;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Go on training a stopped run from its last checkpoint, optimizer state included.")
    private Path resume;

    @Option(names = "--start-from", paramLabel = "RUN_DIR",
            description = "Start from the weights of a saved run of this network (e.g. one 'layerloom compress' pruned),"
                    + " instead of the seed's.")
    private Path startFrom;

    @Option(names = "--hold-pruned", description = "With --start-from: keep the run's pruned (zero) weights at zero,"
            + " to fine-tune a pruned network.")
    private boolean holdPruned;

    @Option(names = "--teacher", paramLabel = "RUN_DIR",
            description = "Learn from a trained classifier's outputs as well as from the labels (knowledge"
                    + " distillation).")
    private Path teacher;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "4",
            description = "With --teacher: how much both outputs are softened (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.9",
            description = "With --teacher: the weight of the teacher's term, 0 to 1; the labels get 1 - A"
                    + " (default: ${DEFAULT-VALUE}).")
    private double alpha;

    @Mixin
    private JsonOption json;

    @Option(names = "--inspect", paramLabel = "N", defaultValue = "0",
            description = "Capture training-health statistics every N batches and at each epoch's end (with --json:"
                    + " \"health\" lines; default: off).")
    private int inspect;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Project> read = file.read(stderr);
        if (read.isEmpty()) {
            return ExitCodes.UNUSABLE_INPUT;
        }
        Project project = read.get();
        TrainingSettings settings = overridden(project.training());
        TrainingRequest.Builder request = TrainingRequest.builder(project, file.path()).optSettings(settings)
                .optDataFolder(data).optTrainingLimit(limit).optThreads(threads)
                .optResumeFrom(resume);
        if (out != null) {
            request.optRunsRoot(out);
        }
        try {
            guide(request);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (inspect > 0) {
            request.optInspection(new InspectionSettings(inspect, true, 16, 20, false));
        }
        TrainingListener listener = json.enabled() ? event -> {
            if (EventJson.printed(event)) {
                stdout.println(EventJson.line(event));
                stdout.flush();
            }
        } : new TrainingProgress(stdout, System.console() != null, settings.weightAverage() > 0);
        return run(request.build(), listener, stderr);
    }

    /** Adds --start-from and --teacher to the request; refuses them with --resume, which goes on as it started. */
    private void guide(TrainingRequest.Builder request) {
        if (resume != null && (startFrom != null || teacher != null)) {
            throw new IllegalArgumentException("--resume goes on as the run started (with its teacher, if it had"
                    + " one); --start-from and --teacher are for new runs.");
        }
        if (holdPruned && startFrom == null) {
            throw new IllegalArgumentException("--hold-pruned needs --start-from RUN_DIR: the run whose zeros to"
                    + " hold.");
        }
        if (startFrom != null) {
            request.optStartFrom(startFrom, holdPruned);
        }
        if (teacher != null) {
            request.optTeacher(new org.layerloom.engine.train.RunGuidance.Teacher(teacher, temperature, alpha));
        }
    }

    /** Waits for the run to end; Ctrl-C stops it after its batch and waits for it to save. */
    private int run(TrainingRequest request, TrainingListener listener, PrintWriter stderr) {
        TrainingSession session = TrainingSession.start(request, listener);
        CountDownLatch ended = new CountDownLatch(1);
        Thread stopOnCtrlC = new Thread(() -> {
            session.control().stop();
            try {
                ended.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "layerloom-train-stop");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        TrainingEvent outcome;
        try {
            outcome = session.outcome().join();
        } finally {
            ended.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and waits for this run to end.
        }
        if (outcome instanceof RunFailed failed) {
            Throwable unreadable = session.dataset().handle((dataset, e) -> e).join();
            boolean dataFailed = unreadable != null && !session.dataset().isCancelled();
            stderr.println(dataFailed ? unreadable.getMessage() : failed.reason());
            stderr.flush();
            return dataFailed ? ExitCodes.UNUSABLE_INPUT : ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private TrainingSettings overridden(TrainingSettings s) {
        if ((epochs != null && epochs < 1) || (batchSize != null && batchSize < 1) || threads < 0
                || (patience != null && patience < 0) || limit < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--epochs, --batch-size must be at least 1; --threads, --patience, --limit at least 0.");
        }
        DeviceChoice chosenDevice = s.device();
        if (device != null) {
            chosenDevice = DeviceChoice.fromId(device).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--device must be cpu, gpu or auto, not '" + device + "'."));
        }
        return new TrainingSettings(s.optimizer(), s.schedule(), batchSize != null ? batchSize : s.batchSize(),
                epochs != null ? epochs : s.epochs(), s.validationSplit(), seed != null ? seed : s.seed(), chosenDevice,
                s.weightAverage(), patience != null ? patience : s.patience());
    }
}
