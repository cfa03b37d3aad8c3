package org.layerloom.samples;

import java.util.List;
import java.util.Objects;

/**
 * One sample project as the start screen shows it: its project file, a title and one-line goal, the
 * level, what a student learns from it, its lesson, how long it trains on a laptop CPU, whether its
 * dataset is downloaded, and the short training that tests it. Immutable; any thread.
 *
 * @param id              stable identifier, e.g. "spirals"
 * @param file            the project file's name in the catalog, e.g. "spirals.loom"
 * @param dataFiles       data files shipped beside the project (our own, e.g. a small CSV), copied with it
 * @param minutesOnLaptop the full training's expected time on a laptop CPU, in minutes
 * @param download        true when its dataset is downloaded on first use (or imported from a folder)
 */
public record Sample(String id, String file, List<String> dataFiles, String title, String goal, Level level,
                     List<String> learn, Lesson lesson, double minutesOnLaptop, boolean download,
                     QuickCheck quickCheck) {

    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(level, "level");
        learn = List.copyOf(learn);
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(quickCheck, "quickCheck");
    }

    /** How hard a sample is. */
    public enum Level {
        BEGINNER, INTERMEDIATE, ADVANCED;

        /** "Beginner", "Intermediate", "Advanced". */
        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The sample's short lesson.
     *
     * @param shows    what the sample shows
     * @param tryNext  experiments to try next, one sentence each
     * @param expected the result of the full training
     */
    public record Lesson(String shows, List<String> tryNext, String expected) {

        public Lesson {
            Objects.requireNonNull(shows, "shows");
            tryNext = List.copyOf(tryNext);
            Objects.requireNonNull(expected, "expected");
        }
    }

    /**
     * The short training that proves the sample learns, in the default test run.
     *
     * @param epochs        epochs to train (instead of the project's)
     * @param trainingLimit at most this many training examples, 0 for all
     * @param metric        "accuracy" (must reach at least {@code floor}) or "mse" (must stay at most {@code floor})
     * @param floor         the bound the test asserts
     * @param standIn       for a downloaded dataset the tests do not have, the dataset that stands in for it
     *                      (same shapes), or null
     * @param testOptions   dataset options the tests set, where {@code ${datasets}} is the folder of test
     *                      datasets (e.g. the path of a file the student downloads)
     */
    public record QuickCheck(int epochs, int trainingLimit, String metric, double floor, String standIn,
                             java.util.Map<String, String> testOptions) {

        public QuickCheck {
            testOptions = testOptions == null ? java.util.Map.of() : java.util.Map.copyOf(testOptions);
            if (epochs < 1 || trainingLimit < 0) {
                throw new IllegalArgumentException("epochs must be at least 1 and trainingLimit at least 0");
            }
            if (!metric.equals("accuracy") && !metric.equals("mse")) {
                throw new IllegalArgumentException("metric must be accuracy or mse, not " + metric);
            }
        }

        /** True when {@code value} of the metric passes the check. */
        public boolean passes(double value) {
            return metric.equals("accuracy") ? value >= floor : value <= floor;
        }
    }
}
