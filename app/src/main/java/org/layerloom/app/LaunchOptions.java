package org.layerloom.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the window should do when it starts: show a project, select a layer in the reference, or render
 * itself to a PNG file and quit. Travels from the command line to {@link LayerLoomApp} as JavaFX named
 * parameters ({@code --open=...}). Immutable; any thread.
 */
public record LaunchOptions(Optional<Path> project, Optional<String> layer, Optional<Path> screenshot) {

    private static final String OPEN = "open";
    private static final String LAYER = "layer";
    private static final String SCREENSHOT = "screenshot";

    public static LaunchOptions none() {
        return new LaunchOptions(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public LaunchOptions withProject(Path file) {
        return new LaunchOptions(Optional.of(file), layer, screenshot);
    }

    public LaunchOptions withLayer(String kindId) {
        return new LaunchOptions(project, Optional.of(kindId), screenshot);
    }

    public LaunchOptions withScreenshot(Path png) {
        return new LaunchOptions(project, layer, Optional.of(png));
    }

    /** The arguments for {@code Application.launch}. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>();
        project.ifPresent(p -> args.add("--" + OPEN + "=" + p.toAbsolutePath()));
        layer.ifPresent(l -> args.add("--" + LAYER + "=" + l));
        screenshot.ifPresent(p -> args.add("--" + SCREENSHOT + "=" + p.toAbsolutePath()));
        return args.toArray(String[]::new);
    }

    /** Reads what {@link #toArgs()} wrote, from {@code Application.getParameters().getNamed()}. */
    public static LaunchOptions fromNamed(Map<String, String> named) {
        return new LaunchOptions(Optional.ofNullable(named.get(OPEN)).map(Path::of),
                Optional.ofNullable(named.get(LAYER)), Optional.ofNullable(named.get(SCREENSHOT)).map(Path::of));
    }
}
