package org.layerloom.engine.data.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.data.LeftOutTally;
import org.layerloom.engine.data.csv.TextFile;

/**
 * Reads a folder with one sub-folder of {@code .txt} files per class, each file one example. Every file it
 * does not use is counted by reason and named relative to the folder (empty files, files not ending in .txt,
 * files that cannot be read as text, files outside any class folder); hidden files are ignored. A class folder
 * that gives no text refuses the dataset, naming the folder and what was in it. Stateless; any thread.
 */
final class TextFolders {

    private TextFolders() {
    }

    static LabelledTexts read(Path folder, List<String> classNames) throws DatasetException {
        List<Path> classes = TextReaders.subFolders(folder);
        List<String> names = classes.stream().map(p -> p.getFileName().toString()).toList();
        if (classNames == null && names.size() < 2) {
            throw DatasetException.inFile(folder, "The folder " + folder + " has " + (names.isEmpty()
                    ? "no sub-folders" : "only one sub-folder (" + names.get(0) + ")") + ". Put the texts of each "
                    + "class in a sub-folder of its own, named after the class; a classifier needs at least two.",
                    null);
        }
        List<String> wanted = classNames == null ? names : classNames;
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        LeftOutTally tally = new LeftOutTally();
        for (Path outside : entries(folder)) {
            String name = outside.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!Files.isDirectory(outside) && !name.startsWith("readme")) {
                tally.add(LeftOutReason.OUTSIDE_CLASS, place(folder, outside));
            }
        }
        for (Path classFolder : classes) {
            int c = wanted.indexOf(classFolder.getFileName().toString());
            if (c < 0) {
                throw DatasetException.inFile(classFolder, "The folder " + classFolder + " is a class the training "
                        + "data does not have (its classes are " + String.join(", ", wanted) + ").", null);
            }
            LeftOutTally here = new LeftOutTally();
            int before = texts.size();
            for (Path file : entries(classFolder)) {
                String place = place(folder, file);
                if (Files.isDirectory(file)) {
                    notes.add("The folder " + place + " inside a class folder was not read: the texts of a class are "
                            + "read only from .txt files directly in its folder.");
                } else if (!Files.isRegularFile(file)) {
                    here.add(LeftOutReason.UNREADABLE_FILE, place);
                    notes.add("The file " + place + " was left out: it is a link to something that does not exist.");
                } else if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
                    here.add(LeftOutReason.NOT_A_TEXT_FILE, place);
                } else {
                    String text = readOrLeaveOut(file, place, here, notes);
                    if (text != null) {
                        texts.add(text);
                        labels.add(c);
                    }
                }
            }
            if (texts.size() == before) {
                throw DatasetException.inFile(classFolder, "The class folder " + classFolder + " gives no text to "
                        + "learn from: " + (here.total() == 0 ? "it holds no .txt files"
                        : describe(here.entries()) + ", so nothing is left") + ". A class without examples cannot "
                        + "be learnt: put .txt files with text into it, or delete the folder.", null);
            }
            tally.addAll(here.entries());
        }
        if (tally.total() > 0) {
            notes.add(0, String.format(Locale.ROOT, "%,d file(s) below %s were left out: %s.", tally.total(),
                    folder.getFileName(), describe(tally.entries())));
        }
        return new LabelledTexts(texts, labels.stream().mapToInt(Integer::intValue).toArray(), wanted, notes,
                tally.entries(), true);
    }

    /** The file's text, or null when it is empty or cannot be read as text (then counted and noted). */
    private static String readOrLeaveOut(Path file, String place, LeftOutTally tally, List<String> notes) {
        TextFile.Content content;
        try {
            content = TextFile.read(file);
        } catch (DatasetException e) {
            tally.add(LeftOutReason.UNREADABLE_FILE, place);
            notes.add("The file " + place + " was left out: " + e.getMessage());
            return null;
        }
        notes.addAll(content.notes());
        if (content.text().isBlank()) {
            tally.add(LeftOutReason.EMPTY_FILE, place);
            return null;
        }
        return content.text().strip();
    }

    /** "2 empty (neg/a.txt, neg/b.txt), 1 not ending in .txt (neg/c.md)". */
    static String describe(List<LeftOut> entries) {
        return entries.stream().map(e -> String.format(Locale.ROOT, "%,d %s (%s%s)", e.count(), e.reason().words(),
                String.join(", ", e.places()), e.count() > e.places().size() ? ", …" : ""))
                .collect(Collectors.joining(", "));
    }

    /** {@code file} relative to the dataset folder, with "/" between names. */
    private static String place(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The non-hidden entries of {@code folder}, sorted by name. */
    private static List<Path> entries(Path folder) throws DatasetException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw DatasetException.inFile(folder, "The folder " + folder + " cannot be read (" + e.getClass()
                    .getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(
                            Locale.ROOT) + "). Check that you may open it.", e);
        }
    }
}
