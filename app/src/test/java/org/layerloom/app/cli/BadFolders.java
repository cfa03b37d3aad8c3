package org.layerloom.app.cli;

import static org.layerloom.app.cli.BadDataCorpusTest.imageNet;
import static org.layerloom.app.cli.BadDataCorpusTest.textNet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.layerloom.app.cli.BadDataCorpusTest.Case;
import org.layerloom.app.cli.BadDataCorpusTest.Expected;
import org.layerloom.app.cli.BadDataCorpusTest.Setup;
import org.layerloom.engine.project.DatasetChoice;

/** The corpus's picture folders and folders of labelled .txt files. Test code only. */
final class BadFolders {

    private BadFolders() {
    }

    static void pictures(Path folder, int n, String format) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(31L * i + folder.hashCode());
            for (int y = 0; y < 12; y++) {
                for (int x = 0; x < 12; x++) {
                    image.setRGB(x, y, random.nextInt(0xFFFFFF));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            Files.write(folder.resolve("p" + i + "." + format), out.toByteArray());
        }
    }

    private static Setup images(String path, int classes) {
        return new Setup(DatasetChoice.of("image-folder").with("path", path).with("width", 8).with("channels", 1),
                imageNet(1, 8, classes));
    }

    private static Setup catsAndDogs(Path f, int each, String format) throws IOException {
        pictures(f.resolve("pets/cat"), each, format);
        pictures(f.resolve("pets/dog"), each, format);
        return images("pets", 2);
    }

    private static void texts(Path folder, int n, String words) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < n; i++) {
            Files.writeString(folder.resolve("t" + i + ".txt"), words + " number " + i);
        }
    }

    private static Setup reviews(Path f) throws IOException {
        texts(f.resolve("reviews/good"), 12, "a fine warm film");
        texts(f.resolve("reviews/bad"), 12, "a dull cold film");
        return new Setup(DatasetChoice.of("text").with("path", "reviews").with("length", 8), textNet(8, 2));
    }

    static List<Case> cases() {
        return List.of(
                new Case("clean picture folder", "2 classes of 10 PNG pictures", f -> catsAndDogs(f, 10, "png"),
                        Expected.trains(20, 0, "All 20 files used; none left out.")),
                new Case("truncated JPEG", "one JPEG cut to 60% of its bytes", f -> {
                    Setup setup = catsAndDogs(f, 8, "jpg");
                    Path cut = f.resolve("pets/cat/p3.jpg");
                    byte[] b = Files.readAllBytes(cut);
                    Files.write(cut, Arrays.copyOf(b, b.length * 6 / 10));
                    return setup;
                }, Expected.trains(15, 1, "1 damaged or truncated (cat/p3.jpg)")),
                new Case("empty class folder", "a third class folder with nothing in it", f -> {
                    Setup setup = catsAndDogs(f, 6, "png");
                    Files.createDirectories(f.resolve("pets/bird"));
                    return setup;
                }, Expected.refused("The class folder 'bird'")),
                new Case("WebP among PNGs", "a WebP picture LayerLoom cannot read", f -> {
                    Setup setup = catsAndDogs(f, 6, "png");
                    byte[] webp = "RIFF\0\0\0\0WEBPVP8 \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
                    Files.write(f.resolve("pets/dog/x.webp"), webp);
                    return setup;
                }, Expected.trains(12, 1, "1 in a format LayerLoom cannot read (dog/x.webp)")),
                new Case("zero-byte pictures", "two PNG files of 0 bytes", f -> {
                    Setup setup = catsAndDogs(f, 6, "png");
                    Files.write(f.resolve("pets/cat/empty.png"), new byte[0]);
                    Files.write(f.resolve("pets/dog/empty.png"), new byte[0]);
                    return setup;
                }, Expected.trains(12, 2, "2 empty (cat/empty.png, dog/empty.png)")),
                new Case("picture folder is a file", "the path names a PNG file, not a folder", f -> {
                    pictures(f, 1, "png");
                    return images("p0.png", 2);
                }, Expected.refused("p0.png")),
                new Case("nested unicode folders", "pictures in sub-folders named ünï 表/2024", f -> {
                    pictures(f.resolve("pets/cat/ünï 表/2024"), 5, "png");
                    pictures(f.resolve("pets/dog"), 5, "png");
                    return images("pets", 2);
                }, Expected.trains(10, 0, "All 10 files used; none left out.")),
                new Case("folder link loop", "a link inside a class folder back to the dataset folder", f -> {
                    Setup setup = catsAndDogs(f, 5, "png");
                    Files.createSymbolicLink(f.resolve("pets/cat/again"), f.resolve("pets"));
                    return setup;
                }, Expected.trains(10, 1, "behind a folder link leading back above itself (cat/again)")),
                new Case("texts in class folders", "2 class folders of 12 .txt files", BadFolders::reviews,
                        Expected.trains(24, 0, "All 24 texts used; none left out.")),
                new Case("empty .txt files", "2 empty .txt files and a .md beside the texts", f -> {
                    Setup setup = reviews(f);
                    Files.writeString(f.resolve("reviews/good/empty.txt"), "");
                    Files.writeString(f.resolve("reviews/bad/blank.txt"), " \n ");
                    Files.writeString(f.resolve("reviews/bad/notes.md"), "not a text example");
                    return setup;
                }, Expected.trains(24, 3, "2 empty (bad/blank.txt, good/empty.txt), 1 not ending in .txt")),
                new Case("text class of empty files", "a class folder whose only .txt is empty", f -> {
                    Setup setup = reviews(f);
                    Files.createDirectories(f.resolve("reviews/meh"));
                    Files.writeString(f.resolve("reviews/meh/a.txt"), "");
                    return setup;
                }, Expected.refused("gives no text to learn from: 1 empty (meh/a.txt)")),
                new Case("binary .txt", "a zip archive named review.txt in a class folder", f -> {
                    Setup setup = reviews(f);
                    Files.write(f.resolve("reviews/good/review.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 9});
                    return setup;
                }, Expected.trains(24, 1, "1 that could not be opened (good/review.txt)")),
                new Case("text outside class folders", "a .txt file beside the class folders", f -> {
                    Setup setup = reviews(f);
                    Files.writeString(f.resolve("reviews/stray.txt"), "which class am I");
                    return setup;
                }, Expected.trains(24, 1, "1 outside any class folder (stray.txt)")));
    }
}
