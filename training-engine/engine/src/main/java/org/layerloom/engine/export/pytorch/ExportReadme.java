package org.layerloom.engine.export.pytorch;

import org.layerloom.engine.export.ExportedNetwork;

/**
 * The text of the PyTorch export's {@code README.md}: what the files are and how to run {@code train.py} on
 * one process, under {@code torchrun} on one machine, and on several machines. Stateless; any thread.
 *
 * @see TrainingScript
 */
final class ExportReadme {

    private ExportReadme() {
    }

    /** The form the data took in the export. */
    enum DataForm {
        /** {@code data.npz} with the splits. */
        ARRAYS,
        /** {@code data.py} and {@code images.json}, reading the original pictures. */
        LOADER,
        /** Neither: the README says why. */
        NONE;

        /** The rows of the file table for this form (each ends with a line break). */
        String rows() {
            return switch (this) {
                case ARRAYS -> "| `data.npz` | the train, validation and test splits as LayerLoom prepared them |\n";
                case LOADER -> "| `data.py` | reads the train, validation and test splits from the original pictures"
                        + " and prepares them as LayerLoom did |\n| `images.json` | which pictures make up each split,"
                        + " with their classes |\n";
                case NONE -> "";
            };
        }
    }

    /**
     * @param dataNote what became of the data: written to {@code data.npz} (and in which form), a loader written
     *                 instead, or why neither was
     */
    static String of(ExportedNetwork network, String dataNote, DataForm form) {
        String name = network.name().replaceAll("\\s+", " ").strip();
        return """
                # %1$s, exported from LayerLoom to PyTorch

                | File | What it is |
                |---|---|
                | `model.py` | the network as a PyTorch `nn.Module` (`Network`); `load_network()` loads `weights.npz` |
                | `weights.npz` | the weights, under the names of `Network().state_dict()` |
                | `train.py` | trains the network as LayerLoom does: the project's optimizer, learning-rate schedule, batch size, epochs, loss, gradient clipping, weight average and best epoch |
                %4$s
                %2$s

                You need Python 3 with PyTorch 1.13 or newer and NumPy (`pip install torch numpy`)%5$s.

                ## Check the export

                    python3 train.py --evaluate

                measures `weights.npz` on the test split and prints one line such as
                `{"test": {"loss": 0.31, "accuracy": 0.88}}` (`mae` and `mse` for a regression). For an exported run it
                agrees with the run's test result in LayerLoom. `--weights trained/best.npz` measures other weights.

                ## Train on one process

                    python3 train.py

                trains on a GPU when PyTorch finds one (`--cpu` keeps it on the CPU), prints one JSON line per epoch, and
                writes `trained/best.npz` (the epoch with the lowest validation loss, with the weight average when the
                project keeps one) and `trained/last.npz`. `--max-steps N` stops after N optimizer steps, for a quick try;
                `--out DIR` writes elsewhere. The settings are at the top of `train.py`.

                ## Train on several processes on one machine

                    torchrun --standalone --nproc_per_node=4 train.py

                starts 4 processes (for instance one per GPU). They use NCCL on GPUs and gloo on the CPU. Every batch of
                the project's batch size is shared among them, so they take the same steps as one process would; rank 0
                validates and saves. On Debian's Python 3.11, add `--redirects 2 --tee 2` after `torchrun`; where there is
                no `torchrun` command, use `python3 -m torch.distributed.run`.

                ## Train on several machines

                Run the same command on every machine (each holding this folder), naming the number of machines and one
                machine everybody can reach:

                    torchrun --nnodes=2 --nproc_per_node=4 --rdzv-backend=c10d --rdzv-endpoint=HOST:29500 --rdzv-id=%3$s train.py

                `HOST` is the name or address of one of the machines; 29500 is any free port on it.
                """.formatted(name, dataNote, name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                form.rows(), form == DataForm.LOADER ? ", and Pillow for `data.py` (`pip install pillow`)" : "");
    }
}
