package org.layerloom.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.layerloom.app.LaunchOptions;

/** Runs the command line in-process and keeps what it printed and what it asked the window to do. */
record CliRun(int exitCode, String out, String err, List<LaunchOptions> launches) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<LaunchOptions> launches = new ArrayList<>();
        int code = Cli.create(launches::add, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString(), launches);
    }
}
