package org.layerloom.engine.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.ProgressMeter;

/**
 * Reads a folder with one sub-folder of pictures per class, scaling each picture to the model's size. A class
 * is a top-level folder; its pictures are all the files below it, in sub-folders too (as Keras and torchvision
 * read them), following folder links but not link loops. Hidden files, files that are not pictures, pictures in
 * formats Java cannot read and damaged pictures are left out and recorded in a {@link SkipLog}. Used once per
 * folder, on the loading thread.
 */
final class ImageFolderReader {

    /** The file name endings read as pictures: those ImageIO has readers for (png, jpg, gif, bmp, tif...). */
    static final Set<String> EXTENSIONS = readableSuffixes();
    /** Picture formats often met that ImageIO cannot read here, by file name ending. */
    static final Map<String, String> FOREIGN_FORMATS = Map.ofEntries(Map.entry("webp", "WebP"),
            Map.entry("heic", "HEIC"), Map.entry("heif", "HEIC"), Map.entry("avif", "AVIF"),
            Map.entry("svg", "SVG"), Map.entry("psd", "Photoshop"), Map.entry("ico", "ICO"),
            Map.entry("jxl", "JPEG XL"), Map.entry("tif", "TIFF"), Map.entry("tiff", "TIFF"),
            Map.entry("jp2", "JPEG 2000"), Map.entry("raw", "camera RAW"), Map.entry("cr2", "camera RAW"),
            Map.entry("nef", "camera RAW"), Map.entry("dng", "camera RAW"), Map.entry("pcx", "PCX"),
            Map.entry("tga", "TGA"), Map.entry("ppm", "PPM"), Map.entry("pgm", "PGM"));
    private static final Set<String> SYSTEM_NAMES = Set.of("thumbs.db", "desktop.ini", "__macosx");

    private ImageFolderReader() {
    }

    /** The picture formats ImageIO reads here, for messages: "BMP, GIF, JPEG, PNG, TIFF, WBMP". */
    static String readableFormats() {
        Set<String> names = new TreeSet<>();
        for (String n : ImageIO.getReaderFormatNames()) {
            String upper = n.toUpperCase(Locale.ROOT);
            names.add(upper.equals("JPG") ? "JPEG" : upper.equals("TIF") ? "TIFF" : upper);
        }
        return String.join(", ", names);
    }

    private static Set<String> readableSuffixes() {
        Set<String> out = new LinkedHashSet<>();
        for (String s : ImageIO.getReaderFileSuffixes()) {
            if (!s.isEmpty()) {
                out.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    /** Whether {@code path} is a hidden or system file or folder, left out on purpose. */
    static boolean hidden(Path path) {
        String name = path.getFileName().toString();
        if (name.startsWith(".") || SYSTEM_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            return Files.isHidden(path); // the hidden attribute on Windows
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The class folders of {@code folder}, sorted by name; hidden folders are left out, and files that lie
     * directly in {@code folder} are recorded as outside any class.
     */
    static List<Path> classFolders(Path folder, SkipLog log) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw DatasetException.inFile(folder, "The path " + folder + " is a file, not a folder. An image "
                    + "dataset is a folder with one sub-folder of pictures per class.", null);
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw DatasetException.inFile(folder, "The folder " + folder + " cannot be read (" + e.getClass()
                    .getSimpleName() + "). Check that it exists and that you may read it.", e);
        }
        List<Path> classes = new ArrayList<>();
        for (Path p : entries) {
            if (hidden(p)) {
                log.skip(p, SkipReason.HIDDEN, Files.isDirectory(p) ? "hidden folder" : "hidden file");
            } else if (Files.isDirectory(p)) {
                classes.add(p);
            } else {
                log.skip(p, SkipReason.OUTSIDE_CLASS, "lies directly in " + folder.getFileName());
            }
        }
        return classes;
    }

    /**
     * The files of each class folder that may be pictures (by their name), found in the folder and all its
     * sub-folders, sorted; every other file is recorded in {@code log}.
     */
    static List<List<Path>> pictureFiles(List<Path> classFolders, SkipLog log) throws DatasetException {
        List<List<Path>> all = new ArrayList<>();
        for (Path folder : classFolders) {
            all.add(walk(folder, log));
        }
        return all;
    }

    private static List<Path> walk(Path folder, SkipLog log) throws DatasetException {
        List<Path> pictures = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(folder) && hidden(dir)) {
                                log.skip(dir, SkipReason.HIDDEN, "hidden folder, not read");
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!dir.equals(folder) && leadsAbove(dir, folder)) {
                                // The walk sees loops below its start only; a link to the dataset folder would
                                // read every other class into this one.
                                log.skip(dir, SkipReason.LINK_LOOP, "leads back to a folder above it");
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            file(file, attrs, pictures, log);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                log.skip(file, SkipReason.LINK_LOOP, "leads back to a folder above it");
                            } else if (e instanceof AccessDeniedException) {
                                log.skip(file, SkipReason.UNREADABLE, "no permission to read it");
                            } else if (e instanceof NoSuchFileException) {
                                log.skip(file, SkipReason.UNREADABLE, "a link to something that does not exist");
                            } else {
                                log.skip(file, SkipReason.UNREADABLE, e.getClass().getSimpleName());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw DatasetException.inFile(folder, "The class folder " + folder + " cannot be read (" + e.getClass()
                    .getSimpleName() + "). Check that you may read it.", e);
        }
        pictures.sort(null);
        return pictures;
    }

    /** Whether the folder {@code dir} (reached through a link) is {@code classFolder} or a folder above it. */
    private static boolean leadsAbove(Path dir, Path classFolder) {
        try {
            return classFolder.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            return false; // the walk reports what cannot be read
        }
    }

    private static void file(Path file, BasicFileAttributes attrs, List<Path> pictures, SkipLog log) {
        String name = file.getFileName().toString();
        if (hidden(file)) {
            log.skip(file, SkipReason.HIDDEN, "hidden file");
            return;
        }
        if (attrs.isSymbolicLink()) { // a link that could not be followed
            log.skip(file, SkipReason.UNREADABLE, "a link to something that does not exist");
            return;
        }
        if (!attrs.isRegularFile()) {
            log.skip(file, SkipReason.NOT_A_PICTURE, "not a regular file");
            return;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (EXTENSIONS.contains(ext)) {
            pictures.add(file);
        } else if (FOREIGN_FORMATS.containsKey(ext)) {
            log.skip(file, SkipReason.UNSUPPORTED_FORMAT, FOREIGN_FORMATS.get(ext));
        } else {
            log.skip(file, SkipReason.NOT_A_PICTURE, ext.isEmpty() ? "no picture ending in its name"
                    : "." + ext + " is not a picture ending");
        }
    }

    /** Whether the first few pictures have colour. */
    static boolean anyColour(List<List<Path>> files) {
        int looked = 0;
        for (List<Path> list : files) {
            for (int i = 0; i < Math.min(5, list.size()); i++) {
                BufferedImage image = PictureDecoder.decodeQuietly(list.get(i));
                if (image != null && Pixels.hasColour(image)) {
                    return true;
                }
                looked++;
            }
        }
        return looked == 0;
    }

    /** Pixels of every readable picture, with its class; the files left out go to {@code log}. */
    static Decoded decode(List<List<Path>> files, int width, int height, int channels, ProgressMeter meter,
                          SkipLog log) throws DatasetException {
        int total = files.stream().mapToInt(List::size).sum();
        int size = channels * width * height;
        float[] pixels = new float[Math.multiplyExact(total, size)];
        int[] labels = new int[total];
        int[] perClass = new int[files.size()];
        List<Path> read = new ArrayList<>();
        int n = 0;
        int done = 0;
        for (int c = 0; c < files.size(); c++) {
            for (Path file : files.get(c)) {
                try {
                    BufferedImage image = PictureDecoder.decode(file);
                    System.arraycopy(Pixels.toFloats(image, width, height, channels), 0, pixels, n * size, size);
                    labels[n++] = c;
                    perClass[c]++;
                    read.add(file);
                } catch (PictureDecoder.Refused refused) {
                    log.skip(file, refused.reason, refused.getMessage());
                }
                if (++done % 64 == 0) {
                    meter.advance("Reading pictures", 64);
                }
            }
        }
        return new Decoded(Arrays.copyOf(pixels, n * size), Arrays.copyOf(labels, n), n, List.copyOf(read),
                perClass);
    }

    /**
     * Decoded pictures, {@code count} of them, and the files they came from, in the same order; how many of
     * each class.
     */
    record Decoded(float[] pixels, int[] labels, int count, List<Path> files, int[] perClass) {
    }
}
