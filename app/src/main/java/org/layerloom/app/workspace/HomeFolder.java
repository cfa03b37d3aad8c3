package org.layerloom.app.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which folder is the student's home. Java takes {@code user.home} from the password database, so a
 * {@code HOME} set for LayerLoom (a shared lab account, a test, a sandbox) would be ignored and LayerLoom
 * would still write into the account's home. The rule: {@code LAYERLOOM_HOME} when set, otherwise
 * {@code $HOME} on Linux and macOS, otherwise {@code user.home}. The {@code ./layerloom} script passes it
 * as {@code -Duser.home}; {@link #adopt} does the same for the installed launcher, which cannot. Stateless;
 * any thread, but {@link #adopt} belongs at the very start of {@code main}, before anything reads the home.
 */
public final class HomeFolder {

    /** The environment variable that names LayerLoom's home folder, whatever {@code HOME} says. */
    public static final String VARIABLE = "LAYERLOOM_HOME";

    private HomeFolder() {
    }

    /**
     * The home folder the environment asks for instead of {@code user.home}, if any.
     *
     * @param userHomeGiven whether {@code -Duser.home} was given to the JVM on purpose (it then wins over
     *                      {@code $HOME}, but not over {@code LAYERLOOM_HOME})
     */
    public static Optional<Path> requested(Map<String, String> environment, String osName, boolean userHomeGiven) {
        Optional<Path> layerloom = absolute(environment.get(VARIABLE));
        if (layerloom.isPresent()) {
            return layerloom;
        }
        if (userHomeGiven || osName.toLowerCase(Locale.ROOT).contains("win")) {
            return Optional.empty();
        }
        return absolute(environment.get("HOME"));
    }

    /**
     * Makes {@code user.home} the home the environment asks for, so that every part of the app (and DJL's
     * cache) follows it. {@code respectHome}: whether {@code $HOME} applies too (the installed launcher,
     * which cannot pass it), not only {@code LAYERLOOM_HOME}. Main thread, first thing.
     */
    public static void adopt(boolean respectHome) {
        String toolOptions = System.getenv().getOrDefault("JAVA_TOOL_OPTIONS", "");
        boolean given = !respectHome || toolOptions.contains("-Duser.home");
        requested(System.getenv(), System.getProperty("os.name", ""), given)
                .ifPresent(home -> System.setProperty("user.home", home.toString()));
    }

    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value.trim());
        return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
    }
}
