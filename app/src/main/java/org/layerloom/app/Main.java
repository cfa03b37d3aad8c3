package org.layerloom.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import javafx.application.Application;
import org.layerloom.app.cli.Cli;

/**
 * The entry point of the jar: without arguments it opens the window; otherwise it runs the
 * {@code layerloom} command line (validate, bench, open, ...) and exits with its code. Output is
 * UTF-8 whatever the platform's default. Main thread only.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            launchWindow(LaunchOptions.none());
            return;
        }
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        int code = Cli.create(Main::launchWindow, out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static void launchWindow(LaunchOptions options) {
        Application.launch(LayerLoomApp.class, options.toArgs());
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
