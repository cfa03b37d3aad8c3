package org.layerloom.app.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the commands that can print JSON instead of text ({@code validate},
 * {@code train}, {@code bench}), as a picocli mixin; each command words its help in {@code CliTexts.properties}
 * (key {@code layerloom.COMMAND.json}). Filled by picocli; one command run, on the main thread.
 */
final class JsonOption {

    @Option(names = "--json", descriptionKey = "json")
    private boolean json;

    /** Whether the command prints JSON. */
    boolean enabled() {
        return json;
    }
}
