package org.layerloom.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the window should do when it starts: open a project in the editor, select a layer in the
 * reference, use the dark theme, show a layer of the project, render itself to a PNG file and quit, or
 * write a screenshot of every main view with a sample project into a folder and quit. Travels from the command line
 * to {@link LayerLoomApp} as JavaFX named parameters ({@code --open=...}). Immutable; any thread.
 */
public record LaunchOptions(Optional<Path> project, Optional<String> layer, Optional<Path> screenshot,
                            boolean dark, Optional<String> node, Optional<Path> screenshots, Optional<String> sample) {

    private static final String OPEN = "open";
    private static final String LAYER = "layer";
    private static final String SCREENSHOT = "screenshot";
    private static final String THEME = "theme";
    private static final String NODE = "node";
    private static final String SCREENSHOTS = "screenshots";
    private static final String SAMPLE = "sample";

    public static LaunchOptions none() {
        return new LaunchOptions(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public LaunchOptions withProject(Path file) {
        return new LaunchOptions(Optional.of(file), layer, screenshot, dark, node, screenshots, sample);
    }

    public LaunchOptions withLayer(String kindId) {
        return new LaunchOptions(project, Optional.of(kindId), screenshot, dark, node, screenshots, sample);
    }

    public LaunchOptions withScreenshot(Path png) {
        return new LaunchOptions(project, layer, Optional.of(png), dark, node, screenshots, sample);
    }

    public LaunchOptions withDarkTheme(boolean darkTheme) {
        return new LaunchOptions(project, layer, screenshot, darkTheme, node, screenshots, sample);
    }

    /** Selects this layer and shows it at 100 % in the editor. */
    public LaunchOptions withNode(String nodeId) {
        return new LaunchOptions(project, layer, screenshot, dark, Optional.of(nodeId), screenshots, sample);
    }

    /** Writes a PNG of every main view, light and dark, with the sample {@code sampleId}, into {@code folder}. */
    public LaunchOptions withScreenshots(Path folder, String sampleId) {
        return new LaunchOptions(project, layer, screenshot, dark, node, Optional.of(folder), Optional.of(sampleId));
    }

    /** The arguments for {@code Application.launch}. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>();
        project.ifPresent(p -> args.add("--" + OPEN + "=" + p.toAbsolutePath()));
        layer.ifPresent(l -> args.add("--" + LAYER + "=" + l));
        screenshot.ifPresent(p -> args.add("--" + SCREENSHOT + "=" + p.toAbsolutePath()));
        if (dark) {
            args.add("--" + THEME + "=dark");
        }
        node.ifPresent(n -> args.add("--" + NODE + "=" + n));
        screenshots.ifPresent(p -> args.add("--" + SCREENSHOTS + "=" + p.toAbsolutePath()));
        sample.ifPresent(s -> args.add("--" + SAMPLE + "=" + s));
        return args.toArray(String[]::new);
    }

    /** Reads what {@link #toArgs()} wrote, from {@code Application.getParameters().getNamed()}. */
    public static LaunchOptions fromNamed(Map<String, String> named) {
        return new LaunchOptions(Optional.ofNullable(named.get(OPEN)).map(Path::of),
                Optional.ofNullable(named.get(LAYER)), Optional.ofNullable(named.get(SCREENSHOT)).map(Path::of),
                "dark".equals(named.get(THEME)), Optional.ofNullable(named.get(NODE)),
                Optional.ofNullable(named.get(SCREENSHOTS)).map(Path::of), Optional.ofNullable(named.get(SAMPLE)));
    }
}
