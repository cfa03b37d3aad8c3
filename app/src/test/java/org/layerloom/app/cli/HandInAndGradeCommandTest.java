package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.assignment.HandInRecord;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.testing.TestProjects;
import org.xml.sax.InputSource;

/**
 * Three students train real runs on two moons and hand them in: one meets every goal, one trains too many
 * epochs, one has its weights file changed after handing in. {@code layerloom grade} tells them apart.
 */
class HandInAndGradeCommandTest {

    @TempDir
    static Path dir;

    private static CliRun grade;
    private static List<String> csv;

    static Assignment moonsAssignment() {
        return new Assignment("Two moons", "Separate the **two moons**.",
                List.of(new Goal.MinTestAccuracy(0.75), new Goal.MaxEpochs(4), new Goal.UsesLayer(LayerKind.DENSE),
                        new Goal.MaxParameters(1_000)), List.of());
    }

    @BeforeAll
    static void three_students_train_and_hand_in_then_the_teacher_grades() throws Exception {
        handIn("alice", "Alice", 4);
        handIn("bob", "Bob", 6);
        Path carol = handIn("carol", "Carol", 4);
        Path weights = Files.list(carol.resolve("moons.runs")).findFirst().orElseThrow().resolve("best.params");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(weights, bytes);

        grade = CliRun.of("grade", dir.toString());
        csv = Files.readAllLines(dir.resolve("grades.csv"), StandardCharsets.UTF_8);
    }

    private static Path handIn(String folder, String student, int epochs) throws Exception {
        Path home = Files.createDirectories(dir.resolve(folder));
        Project project = TestProjects.moons(epochs).withAssignment(Optional.of(moonsAssignment()));
        Path file = TestProjects.write(project, home.resolve("moons.loom"));
        CliRun train = CliRun.of("train", file.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        CliRun handIn = CliRun.of("hand-in", file.toString(), "--student", student);
        assertThat(handIn.exitCode()).as(handIn.err()).isZero();
        assertThat(handIn.out()).contains("Hand-in page written to " + home.resolve("moons.handin.html"));
        return home;
    }

    @Test
    void the_passing_student_passes_with_the_weights_as_handed_in() {
        assertThat(row("Alice")).contains(",PASS,MATCH,").contains("4,4,");
    }

    @Test
    void the_student_who_trained_too_long_fails_the_epochs_goal_only() {
        assertThat(row("Bob")).contains(",FAIL,MATCH,").contains("3,4,").contains("✗ At most 4 epochs")
                .contains("✓ Test accuracy ≥ 0.75");
    }

    @Test
    void the_changed_weights_are_flagged() {
        assertThat(row("Carol")).contains(",FLAGGED,CHANGED,").contains("not the one handed in");
    }

    @Test
    void grade_prints_a_table_and_writes_the_summary_page() throws Exception {
        assertThat(grade.exitCode()).as(grade.err()).isZero();
        assertThat(grade.out()).contains("Grading 3 hand-ins", "Alice", "PASS", "Bob", "FAIL", "Carol", "FLAGGED",
                "grades.csv");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("student,project,run,result,weights,test_accuracy");
        assertThat(Files.readString(dir.resolve("grades.html"))).contains("3 hand-ins: 1 pass, 1 fail, 1 flagged");
    }

    @Test
    void the_hand_in_page_is_well_formed_self_contained_and_holds_the_hash() throws Exception {
        String page = Files.readString(dir.resolve("alice/moons.handin.html"));
        HandInRecord record = HandInRecord.read(page).orElseThrow();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
        assertThat(page).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                .doesNotContain("src=", "href=", "@import", "url(");
        assertThat(record.student()).isEqualTo("Alice");
        assertThat(record.weightsSha256()).hasSize(64);
        assertThat(page).contains(record.weightsSha256(), "<svg", "Loss", "Accuracy", "class=\"confusion\"",
                "Test accuracy ≥ 0.75", "Seed", "&quot;seed&quot;", "<strong>two moons</strong>");
    }

    /** Renders the page in headless Chromium, offline; skipped where Chromium is not installed. */
    @Test
    void headless_chromium_renders_the_page_without_a_network() throws Exception {
        Path chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed");
        Path shot = Files.createDirectories(Path.of("target", "assignment-shots")).resolve("hand-in-test.png");
        Files.deleteIfExists(shot);
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + shot.toAbsolutePath(), "--window-size=1200,1600",
                dir.resolve("alice/moons.handin.html").toUri().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();

        assertThat(process.waitFor()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(1600);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("a page with text, tables and pictures, not a blank or error page").hasSizeGreaterThan(50);
    }

    @Test
    void the_teachers_assignment_file_overrides_the_goals_the_runs_carry() throws Exception {
        Path copy = dir.resolve("recheck");
        try (Stream<Path> files = Files.walk(dir.resolve("alice"))) {
            for (Path from : files.toList()) {
                Files.copy(from, copy.resolve(dir.resolve("alice").relativize(from).toString()));
            }
        }
        Path teacher = TestProjects.write(TestProjects.moons(4).withAssignment(Optional.of(moonsAssignment()
                .withGoals(List.of(new Goal.MinTestAccuracy(0.999))))), dir.resolve("teacher.loom"));

        CliRun run = CliRun.of("grade", copy.toString(), "--assignment", teacher.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(copy.resolve("grades.csv"))).contains("Alice,", ",FAIL,MATCH,", "0,1,",
                "✗ Test accuracy ≥ 0.999");
    }

    @Test
    void a_folder_without_hand_ins_is_refused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun run = CliRun.of("grade", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no hand-in page");
    }

    private static String row(String student) {
        return csv.stream().filter(line -> line.startsWith(student + ",")).findFirst().orElseThrow();
    }
}
