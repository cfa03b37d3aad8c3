package org.layerloom.engine.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.TestRequests;

/**
 * A corpus of picture folders written on the fly, one per case, each with the outcome it must have: it loads
 * so many pictures in so many classes and leaves out these files for these reasons, or it is refused with a
 * message that says this. Nothing may throw but {@link DatasetException}. Prints a table of the outcomes.
 */
class ImageFolderCorpusTest {

    private static final List<String> TABLE = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();

    @TempDir
    static Path dir;

    /** What a folder must give: a dataset of so many pictures, classes and skips, or a refusal. */
    record Expected(int pictures, int classes, Map<SkipReason, Integer> skipped, int channels, String refusal) {
        static Expected loads(int pictures, int classes, Object... reasonsAndCounts) {
            Map<SkipReason, Integer> map = new EnumMap<>(SkipReason.class);
            for (int i = 0; i < reasonsAndCounts.length; i += 2) {
                map.put((SkipReason) reasonsAndCounts[i], (Integer) reasonsAndCounts[i + 1]);
            }
            return new Expected(pictures, classes, map, 0, null);
        }

        static Expected refuses(String part) {
            return new Expected(0, 0, Map.of(), 0, part);
        }

        Expected inChannels(int c) {
            return new Expected(pictures, classes, skipped, c, refusal);
        }

        @Override
        public String toString() {
            return refusal != null ? "refuses: \"" + refusal + "\"" : "loads " + pictures + " in " + classes
                    + (channels == 0 ? "" : " (" + channels + " ch)") + skips(skipped);
        }
    }

    /** Writes the folder of a case under the given root. */
    interface Builder {
        Expected build(Path root) throws IOException;
    }

    record Case(String name, Builder builder) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("two clean classes", r -> {
                    pictures(r.resolve("cat"), 3, "png");
                    pictures(r.resolve("dog"), 3, "jpg");
                    return Expected.loads(6, 2);
                }),
                new Case("empty class folder", r -> {
                    pictures(r.resolve("cat"), 3, "png");
                    Files.createDirectories(r.resolve("dog"));
                    return Expected.refuses("The class folder 'dog'");
                }),
                new Case("class with pictures only in sub-folders", r -> {
                    pictures(r.resolve("cat/indoor"), 2, "png");
                    pictures(r.resolve("cat/outdoor"), 2, "jpg");
                    pictures(r.resolve("dog"), 3, "png");
                    return Expected.loads(7, 2);
                }),
                new Case("nested two levels", r -> {
                    pictures(r.resolve("cat/2023/summer"), 2, "png");
                    pictures(r.resolve("dog/a/b"), 2, "gif");
                    return Expected.loads(4, 2);
                }),
                new Case("hidden files and folders", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    Files.writeString(r.resolve("cat/.DS_Store"), "x");
                    write(r.resolve("cat/._c0.png"), image(8, 8, true, 1), "png");
                    pictures(r.resolve("dog/.thumbnails"), 3, "png");
                    Files.writeString(r.resolve("dog/Thumbs.db"), "x");
                    return Expected.loads(4, 2, SkipReason.HIDDEN, 4);
                }),
                new Case("hidden and __MACOSX top-level folders", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    pictures(r.resolve(".git"), 1, "png");
                    pictures(r.resolve("__MACOSX"), 1, "png");
                    return Expected.loads(4, 2, SkipReason.HIDDEN, 2);
                }),
                new Case("zero-byte file", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    Files.write(r.resolve("cat/empty.png"), new byte[0]);
                    return Expected.loads(4, 2, SkipReason.EMPTY_FILE, 1);
                }),
                new Case("text file named .png", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    Files.writeString(r.resolve("dog/fake.png"), "hello, I am not a picture");
                    return Expected.loads(4, 2, SkipReason.NOT_A_PICTURE, 1);
                }),
                new Case("non-picture files beside pictures", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    Files.writeString(r.resolve("cat/labels.csv"), "a,b");
                    Files.writeString(r.resolve("dog/README"), "x");
                    return Expected.loads(4, 2, SkipReason.NOT_A_PICTURE, 2);
                }),
                new Case("truncated JPEG", r -> {
                    pictures(r.resolve("cat"), 2, "jpg");
                    pictures(r.resolve("dog"), 2, "jpg");
                    cut(r.resolve("cat/p0.jpg"), 0.6);
                    return Expected.loads(3, 2, SkipReason.DAMAGED, 1);
                }),
                new Case("JPEG cut short but ending with FF D9 (decoder warning)", r -> {
                    pictures(r.resolve("cat"), 2, "jpg");
                    pictures(r.resolve("dog"), 2, "jpg");
                    byte[] b = Files.readAllBytes(r.resolve("dog/p1.jpg"));
                    byte[] cut = Arrays.copyOf(b, b.length * 9 / 10);
                    cut[cut.length - 2] = (byte) 0xFF;
                    cut[cut.length - 1] = (byte) 0xD9;
                    Files.write(r.resolve("dog/p1.jpg"), cut);
                    return Expected.loads(3, 2, SkipReason.DAMAGED, 1);
                }),
                new Case("JPEG with zero padding after its end", r -> {
                    pictures(r.resolve("cat"), 2, "jpg");
                    pictures(r.resolve("dog"), 2, "jpg");
                    Files.write(r.resolve("cat/p0.jpg"), new byte[16], java.nio.file.StandardOpenOption.APPEND);
                    return Expected.loads(4, 2);
                }),
                new Case("JPEG with a video appended after its end (motion photo)", r -> {
                    pictures(r.resolve("cat"), 2, "jpg");
                    pictures(r.resolve("dog"), 2, "jpg");
                    byte[] video = new byte[5000];
                    new Random(3).nextBytes(video);
                    System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'}, 0, video, 0, 12);
                    Files.write(r.resolve("cat/p1.jpg"), video, java.nio.file.StandardOpenOption.APPEND);
                    return Expected.loads(4, 2);
                }),
                new Case("truncated PNG", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    cut(r.resolve("dog/p1.png"), 0.5);
                    return Expected.loads(3, 2, SkipReason.DAMAGED, 1);
                }),
                new Case("PNG without IEND chunk", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    byte[] b = Files.readAllBytes(r.resolve("dog/p0.png"));
                    Files.write(r.resolve("dog/p0.png"), Arrays.copyOf(b, b.length - 12));
                    return Expected.loads(3, 2, SkipReason.DAMAGED, 1);
                }),
                new Case("truncated GIF and BMP", r -> {
                    pictures(r.resolve("cat"), 2, "gif");
                    pictures(r.resolve("dog"), 2, "bmp");
                    cut(r.resolve("cat/p0.gif"), 0.5);
                    cut(r.resolve("dog/p0.bmp"), 0.5);
                    return Expected.loads(2, 2, SkipReason.DAMAGED, 2);
                }),
                new Case("WebP and HEIC files", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    Files.write(r.resolve("cat/photo.webp"), webp());
                    Files.write(r.resolve("dog/photo.heic"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h',
                            'e', 'i', 'c', 0, 0, 0, 0});
                    return Expected.loads(4, 2, SkipReason.UNSUPPORTED_FORMAT, 2);
                }),
                new Case("WebP content named .png", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    Files.write(r.resolve("cat/photo.png"), webp());
                    return Expected.loads(4, 2, SkipReason.UNSUPPORTED_FORMAT, 1);
                }),
                new Case("TIFF files (ImageIO reads them in Java 17)", r -> {
                    pictures(r.resolve("cat"), 2, "tiff");
                    pictures(r.resolve("dog"), 2, "tif");
                    return Expected.loads(4, 2);
                }),
                new Case("mixed sizes", r -> {
                    write(r.resolve("cat/a.png"), image(8, 8, true, 1), "png");
                    write(r.resolve("cat/b.png"), image(300, 20, true, 2), "png");
                    write(r.resolve("dog/c.jpg"), image(64, 40, true, 3), "jpg");
                    write(r.resolve("dog/d.bmp"), image(5, 90, true, 4), "bmp");
                    return Expected.loads(4, 2).inChannels(3);
                }),
                new Case("grey and colour mixed", r -> {
                    write(r.resolve("cat/a.png"), image(16, 16, false, 1), "png");
                    write(r.resolve("cat/b.png"), image(16, 16, true, 2), "png");
                    write(r.resolve("dog/c.png"), image(16, 16, false, 3), "png");
                    write(r.resolve("dog/d.jpg"), image(16, 16, true, 4), "jpg");
                    return Expected.loads(4, 2).inChannels(3);
                }),
                new Case("all grey", r -> {
                    write(r.resolve("cat/a.png"), image(16, 16, false, 1), "png");
                    write(r.resolve("dog/c.png"), image(16, 16, false, 3), "png");
                    return Expected.loads(2, 2).inChannels(1);
                }),
                new Case("one class only", r -> {
                    pictures(r.resolve("cat"), 3, "png");
                    return Expected.refuses("only one class folder (cat)");
                }),
                new Case("pictures but no class folders", r -> {
                    pictures(r, 3, "png");
                    return Expected.refuses("has no class folders");
                }),
                new Case("files outside the class folders", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    write(r.resolve("stray.png"), image(8, 8, true, 9), "png");
                    Files.writeString(r.resolve("notes.txt"), "x");
                    return Expected.loads(4, 2, SkipReason.OUTSIDE_CLASS, 2);
                }),
                new Case("uppercase extensions", r -> {
                    write(r.resolve("cat/A.PNG"), image(8, 8, true, 1), "png");
                    write(r.resolve("cat/B.JPG"), image(8, 8, true, 2), "jpg");
                    write(r.resolve("dog/C.JpEg"), image(8, 8, true, 3), "jpg");
                    write(r.resolve("dog/D.GIF"), image(8, 8, true, 4), "gif");
                    return Expected.loads(4, 2);
                }),
                new Case("symlinked class folder", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("../elsewhere-dogs"), 3, "png");
                    link(r.resolve("dog"), r.resolve("../elsewhere-dogs").toAbsolutePath().normalize());
                    return Expected.loads(5, 2);
                }),
                new Case("symlink loop inside a class", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    link(r.resolve("cat/again"), r.resolve("cat").toAbsolutePath());
                    return Expected.loads(4, 2, SkipReason.LINK_LOOP, 1);
                }),
                new Case("broken link to a file", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "png");
                    link(r.resolve("dog/gone.png"), r.resolve("nowhere.png").toAbsolutePath());
                    return Expected.loads(4, 2, SkipReason.UNREADABLE, 1);
                }),
                new Case("unreadable file (chmod 000)", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 3, "png");
                    Path locked = r.resolve("dog/p2.png");
                    try {
                        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
                    } catch (UnsupportedOperationException e) {
                        assumeThat(false).as("no POSIX permissions here").isTrue();
                    }
                    // as root the file stays readable: then it must simply load
                    return Files.isReadable(locked) ? Expected.loads(5, 2)
                            : Expected.loads(4, 2, SkipReason.UNREADABLE, 1);
                }),
                new Case("very many small files", r -> {
                    for (String c : List.of("cat", "dog")) {
                        byte[] png = encode(image(4, 4, c.equals("cat"), 1), "png");
                        Files.createDirectories(r.resolve(c));
                        for (int i = 0; i < 400; i++) {
                            Files.write(r.resolve(c).resolve(String.format("%04d.png", i)), png);
                        }
                    }
                    return Expected.loads(800, 2);
                }),
                new Case("class of damaged files only", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    pictures(r.resolve("dog"), 2, "jpg");
                    cut(r.resolve("dog/p0.jpg"), 0.5);
                    cut(r.resolve("dog/p1.jpg"), 0.5);
                    return Expected.refuses("left out there: 2 damaged or truncated picture(s)");
                }),
                new Case("class of non-pictures only", r -> {
                    pictures(r.resolve("cat"), 2, "png");
                    Files.createDirectories(r.resolve("dog"));
                    Files.writeString(r.resolve("dog/list.txt"), "x");
                    return Expected.refuses("The class folder 'dog'");
                }),
                new Case("empty class in the test folder", r -> {
                    pictures(r.resolve("train/cat"), 3, "png");
                    pictures(r.resolve("train/dog"), 3, "png");
                    pictures(r.resolve("test/cat"), 1, "png");
                    Files.createDirectories(r.resolve("test/dog"));
                    return Expected.refuses("test" + java.io.File.separator + "dog");
                }),
                new Case("empty dataset folder", r -> {
                    Files.createDirectories(r);
                    return Expected.refuses("has no class folders");
                }),
                new Case("three classes, one empty in a sub-folder only", r -> {
                    pictures(r.resolve("ant"), 2, "png");
                    pictures(r.resolve("bee"), 2, "png");
                    Files.createDirectories(r.resolve("wasp/empty/inner"));
                    return Expected.refuses("The class folder 'wasp'");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_folder_loads_or_is_refused_as_expected(Case c) throws Exception {
        Path root = dir.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-"));
        Expected expected = c.builder().build(root);
        Dataset data = null;
        DatasetException refused = null;
        try {
            data = TestRequests.load("image-folder", dir, "path", root.getFileName().toString(), "width", 8);
        } catch (DatasetException e) {
            refused = e;
        } catch (Throwable t) {
            row(c, expected, "THREW " + t);
            fail("Only a DatasetException may leave the loader, not " + t, t);
        }
        if (refused != null) {
            row(c, expected, "refuses: " + refused.getMessage());
            assertThat(expected.refusal()).as("refused: %s", refused.getMessage()).isNotNull();
            assertThat(refused.getMessage()).contains(expected.refusal()).doesNotContain("Exception");
            return;
        }
        SkippedFiles skipped = data.imageFiles().orElseThrow().skipped();
        row(c, expected, "loads " + data.splits().totalSize() + " in " + data.classNames().size()
                + (expected.channels() == 0 ? "" : " (" + data.exampleShape().dims().get(0) + " ch)")
                + skips(skipped.counts()));
        List<String> notes = data.report().notes();
        notes.forEach(n -> NOTES.add(c.name() + ": " + n));
        assertThat(expected.refusal()).as("expected a refusal, got a dataset; notes: %s", notes).isNull();
        assertThat(data.splits().totalSize()).isEqualTo(expected.pictures());
        assertThat(data.classNames()).hasSize(expected.classes());
        assertThat(skipped.counts()).as("notes: %s", notes).isEqualTo(expected.skipped());
        if (expected.channels() != 0) {
            assertThat(data.exampleShape().dims().get(0)).isEqualTo(expected.channels());
        }
        for (Map.Entry<SkipReason, Integer> e : expected.skipped().entrySet()) {
            assertThat(notes).as("a note for %s", e.getKey())
                    .anyMatch(n -> n.startsWith(e.getValue() + " " + e.getKey().words() + " left out: "));
            assertThat(skipped.first().get(e.getKey())).hasSize(Math.min(e.getValue(), SkipLog.LISTED));
        }
        if (!expected.skipped().isEmpty()) {
            assertThat(notes.get(0)).startsWith(skipped.total() + " file(s) below ");
        }
        DataUse use = data.report().use().orElseThrow();
        assertThat(use.used()).isEqualTo(expected.pictures());
        assertThat(use.leftOutTotal()).isEqualTo(skipped.total() - skipped.count(SkipReason.HIDDEN));
        for (LeftOut entry : use.leftOut()) {
            assertThat(entry.places()).hasSize(Math.min(entry.count(), LeftOut.LISTED))
                    .allSatisfy(place -> assertThat(place).doesNotStartWith("/"));
        }
    }

    @AfterAll
    static void printTable() {
        System.out.println("| case | expected | outcome |");
        System.out.println("|---|---|---|");
        TABLE.forEach(System.out::println);
        System.out.println("Notes of the datasets that loaded:");
        NOTES.forEach(System.out::println);
    }

    private static void row(Case c, Expected expected, String outcome) {
        String shown = outcome.length() > 160 ? outcome.substring(0, 157) + "..." : outcome;
        TABLE.add("| " + c.name() + " | " + expected + " | " + shown.replace("|", "/") + " |");
    }

    private static String skips(Map<SkipReason, Integer> counts) {
        return counts.isEmpty() ? "" : ", skipped " + counts.entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static void pictures(Path folder, int n, String format) throws IOException {
        for (int i = 0; i < n; i++) {
            write(folder.resolve("p" + i + "." + format), image(24, 24, true, i), format);
        }
    }

    private static BufferedImage image(int w, int h, boolean colour, int seed) {
        BufferedImage image = new BufferedImage(w, h, colour ? BufferedImage.TYPE_INT_RGB
                : BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = random.nextInt(256);
                image.setRGB(x, y, colour ? new Color(v, 255 - v, (v * 7) % 256).getRGB() : new Color(v, v, v)
                        .getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillOval(1, 1, w / 2, h / 2);
        g.dispose();
        return image;
    }

    private static void write(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, encode(image, format));
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format.equals("tif") ? "tiff" : format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    private static void cut(Path file, double keep) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, (int) (b.length * keep)));
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links cannot be made here: %s", e).isTrue();
        }
    }

    /** The first bytes of a WebP file: enough for any reader to know it. */
    private static byte[] webp() {
        byte[] b = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        b[4] = 32;
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        return b;
    }
}
