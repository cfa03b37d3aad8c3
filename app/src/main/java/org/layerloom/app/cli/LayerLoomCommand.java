package org.layerloom.app.cli;

import picocli.CommandLine.Command;

/** The top of the {@code layerloom} command line; on its own it only offers help and the version. */
@Command(name = "layerloom", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true, resourceBundle = "org.layerloom.app.cli.CliTexts",
        description = {"Build, train and look inside neural networks.",
                "Run without arguments to open the LayerLoom window."},
        subcommands = {ValidateCommand.class, TrainCommand.class, ExportCommand.class, ImportCommand.class,
                CompressCommand.class, DistilCommand.class, BenchCommand.class, HandInCommand.class,
                GradeCommand.class,
                KernelsCommand.class, OpenCommand.class, ScreenshotCommand.class, ScreenshotsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (validate: the network is valid)", "1:validate: the network has errors; train: training"
                        + " failed; export: the target cannot express the network; import: the code has problems;"
                        + " kernels: the chosen kernels"
                        + " failed the self-test",
                "2:the file could not be read, or the command line was wrong"})
final class LayerLoomCommand {
}
