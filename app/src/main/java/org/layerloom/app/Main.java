package org.layerloom.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import org.layerloom.app.cli.Cli;
import org.layerloom.app.smoke.SmokeOptions;
import org.layerloom.app.smoke.SmokeTest;
import org.layerloom.app.workspace.HomeFolder;
import org.layerloom.engine.project.ProjectFiles;

/**
 * The entry point of the jar: without arguments it opens the window; otherwise it runs the
 * {@code layerloom} command line (validate, bench, open, ...) or, with {@code --smoke-test}, the installer's
 * smoke test, and exits with its code. Output is
 * UTF-8 whatever the platform's default. Main thread only.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The installed launcher cannot pass $HOME as user.home; ./layerloom does (see HomeFolder).
        HomeFolder.adopt(Boolean.getBoolean("layerloom.installed"));
        if (args.length == 0) {
            launchWindow(LaunchOptions.none());
            return;
        }
        if (args.length == 1 && args[0].endsWith(ProjectFiles.EXTENSION) && Files.isRegularFile(Path.of(args[0]))) {
            // A double-click on a .loom file: the desktop's file association passes just its path.
            launchWindow(LaunchOptions.none().withProject(Path.of(args[0])));
            return;
        }
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        if (SmokeOptions.requested(args)) {
            System.exit(smokeTest(args, out, err));
        }
        int code = Cli.create(Main::launchWindow, out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** {@code --smoke-test}: the installer's end-to-end check (see {@link SmokeTest}). */
    private static int smokeTest(String[] args, PrintWriter out, PrintWriter err) {
        SmokeOptions options;
        try {
            options = SmokeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("layerloom: " + e.getMessage());
            return 2;
        }
        int code = new SmokeTest(options, out, err).run();
        out.flush();
        err.flush();
        return code;
    }

    private static void launchWindow(LaunchOptions options) {
        Application.launch(LayerLoomApp.class, options.toArgs());
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
