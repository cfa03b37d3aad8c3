package org.layerloom.engine.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * What lets a run go on later exactly where it stopped: the last parameters ({@code last.params}), the
 * optimizer's state ({@code optimizer.state}) and the fit loop's position ({@code resume.json}). The
 * position is written last and holds the SHA-256 of the other two files, so a checkpoint whose writing
 * was cut short is noticed instead of mixing two epochs. Written at the end of every epoch and when the
 * student stops; read when a run resumes. Stateless; worker thread only.
 */
final class RunCheckpoint {

    static final String OPTIMIZER_STATE = "optimizer.state";
    static final String RESUME = "resume";

    /**
     * Where the fit loop was. {@code batchesDone} batches of epoch {@code epochsDone + 1} are trained
     * already (0 at an epoch's end), with the running sums of that epoch so far.
     */
    record Position(int epochsDone, int batchesDone, long step, double epochLossSum, double epochCorrect,
                    int epochSeen, double epochSeconds, int bestEpoch, double bestLoss, int sinceBest,
                    double rateFactor) {

        static final Position START = new Position(0, 0, 0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, 0, 1);
    }

    /** The content of {@code resume.json}. */
    record Saved(Position position, String optimizer, String lastParamsSha256, String optimizerStateSha256) {
    }

    private RunCheckpoint() {
    }

    static void save(RunFolder folder, Block block, StatefulOptimizer optimizer, String optimizerKind,
                     Position position) throws IOException {
        String params = folder.saveParameters(block, RunFolder.LAST);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            optimizer.saveState(out);
        }
        String state = folder.writeBytes(OPTIMIZER_STATE, bytes.toByteArray());
        folder.writeJson(RESUME, new Saved(position, optimizerKind, params, state));
    }

    /**
     * The saved position, after checking that {@code last.params} and {@code optimizer.state} are the
     * files it was saved with.
     *
     * @throws IOException in words for a student when there is no checkpoint or it is incomplete
     */
    static Saved read(RunFolder folder) throws IOException {
        Saved saved = folder.readJson(RESUME, Saved.class).orElseThrow(() -> new IOException("it has no"
                + " checkpoint to resume from (resume.json is missing): it ended before its first epoch, or was"
                + " trained by an older LayerLoom"));
        if (saved.position() == null || saved.lastParamsSha256() == null || saved.optimizerStateSha256() == null) {
            throw new IOException("its resume.json is incomplete");
        }
        for (String[] file : new String[][] {{RunFolder.LAST + ".params", saved.lastParamsSha256()},
                {OPTIMIZER_STATE, saved.optimizerStateSha256()}}) {
            if (!Files.isRegularFile(folder.dir().resolve(file[0]))) {
                throw new IOException(file[0] + " is missing");
            }
            if (!folder.sha256Of(file[0]).equals(file[1])) {
                throw new IOException(file[0] + " does not belong to the checkpoint in resume.json (the last"
                        + " save was cut short)");
            }
        }
        return saved;
    }

    /**
     * Loads the last parameters into {@code block} (initialised, before any {@code Trainer} has seen it)
     * and the optimizer state into {@code optimizer}.
     */
    static void restore(RunFolder folder, Block block, NDManager manager, StatefulOptimizer optimizer)
            throws IOException {
        folder.loadParameters(block, manager, RunFolder.LAST);
        byte[] state = Files.readAllBytes(folder.dir().resolve(OPTIMIZER_STATE));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            optimizer.loadState(in, manager, ParameterUpdater.trainableShapes(block));
        } catch (java.io.EOFException e) {
            throw new IOException(OPTIMIZER_STATE + " ends too early", e);
        }
    }
}
