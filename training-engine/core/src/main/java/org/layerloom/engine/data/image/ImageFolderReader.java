package org.layerloom.engine.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.ProgressMeter;

/**
 * Reads a folder with one sub-folder of pictures per class (PNG, JPEG, GIF, BMP through ImageIO), scaling each
 * picture to the model's size. Pictures that cannot be read are listed in the notes, not fatal; files that are
 * not pictures are counted. Used once per folder, on the loading thread.
 */
final class ImageFolderReader {

    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "wbmp");
    private static final int LISTED = 5;

    private ImageFolderReader() {
    }

    /** The class folders of {@code folder}, sorted by name; hidden folders are skipped. */
    static List<Path> classFolders(Path folder) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw DatasetException.inFile(folder, "The path " + folder + " is a file, not a folder. An image "
                    + "dataset is a folder with one sub-folder of pictures per class.", null);
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        } catch (IOException e) {
            throw DatasetException.inFile(folder, "The folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The picture files of each class folder, sorted by name. */
    static List<List<Path>> pictureFiles(List<Path> classFolders, List<String> notes) throws DatasetException {
        List<List<Path>> all = new ArrayList<>();
        int others = 0;
        for (Path folder : classFolders) {
            List<Path> pictures = new ArrayList<>();
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    int dot = name.lastIndexOf('.');
                    if (dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                        pictures.add(p);
                    } else {
                        others++;
                    }
                }
            } catch (IOException e) {
                throw DatasetException.inFile(folder, "The folder " + folder + " cannot be read: " + e.getMessage(),
                        e);
            }
            if (pictures.isEmpty()) {
                notes.add("The class folder " + folder.getFileName() + " holds no pictures.");
            }
            all.add(pictures);
        }
        if (others > 0) {
            notes.add(others + " file(s) that are not PNG, JPEG, GIF or BMP pictures were ignored.");
        }
        return all;
    }

    /** Whether the first few pictures have colour. */
    static boolean anyColour(List<List<Path>> files) {
        int looked = 0;
        for (List<Path> list : files) {
            for (int i = 0; i < Math.min(5, list.size()); i++) {
                BufferedImage image = readQuietly(list.get(i));
                if (image != null && Pixels.hasColour(image)) {
                    return true;
                }
                looked++;
            }
        }
        return looked == 0;
    }

    /** Pixels of every readable picture, with its class; unreadable files go to the notes. */
    static Decoded decode(List<List<Path>> files, int width, int height, int channels, ProgressMeter meter,
                          List<String> notes) throws DatasetException {
        int total = files.stream().mapToInt(List::size).sum();
        int size = channels * width * height;
        float[] pixels = new float[Math.multiplyExact(total, size)];
        int[] labels = new int[total];
        List<Path> read = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < files.size(); c++) {
            for (Path file : files.get(c)) {
                String problem = null;
                BufferedImage image = null;
                try {
                    image = ImageIO.read(file.toFile());
                    if (image == null) {
                        problem = "not a picture format Java can read";
                    }
                } catch (IOException | RuntimeException e) {
                    problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
                if (problem != null) {
                    unreadable.add(file.getParent().getFileName() + "/" + file.getFileName() + " (" + problem + ")");
                } else {
                    System.arraycopy(Pixels.toFloats(image, width, height, channels), 0, pixels, n * size, size);
                    labels[n++] = c;
                    read.add(file);
                }
                if ((n + unreadable.size()) % 64 == 0) {
                    meter.advance("Reading pictures", 64);
                }
            }
        }
        if (!unreadable.isEmpty()) {
            notes.add(unreadable.size() + " picture(s) could not be read and were left out: "
                    + String.join("; ", unreadable.subList(0, Math.min(LISTED, unreadable.size())))
                    + (unreadable.size() > LISTED ? "; and " + (unreadable.size() - LISTED) + " more" : "") + ".");
        }
        return new Decoded(java.util.Arrays.copyOf(pixels, n * size), java.util.Arrays.copyOf(labels, n), n,
                List.copyOf(read));
    }

    private static BufferedImage readQuietly(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Decoded pictures, {@code count} of them, and the files they came from, in the same order. */
    record Decoded(float[] pixels, int[] labels, int count, List<Path> files) {
    }
}
