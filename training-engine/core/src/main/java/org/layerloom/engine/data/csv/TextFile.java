package org.layerloom.engine.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.data.DatasetException;

/**
 * Reads a whole text file for a reader: UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark
 * (Excel's "Unicode text") or Windows-1252 when the bytes are not UTF-8, each reported in a note rather than
 * turned into replacement characters silently. Binary files (NUL bytes, many control characters, a zip or
 * Excel workbook) and unreadable files are refused with the reason. {@link #read} gives the whole text (for
 * small files), {@link #sniff} the encoding for streaming a large one. Stateless; any thread.
 */
public final class TextFile {

    /** Files larger than this are refused with an explanation instead of filling the memory. */
    static final long MAX_BYTES = 512L << 20;
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final double MAX_CONTROL_SHARE = 0.05;

    private TextFile() {
    }

    /** The text of {@code file} and a note about its encoding when it was not UTF-8. */
    public record Content(String text, List<String> notes) {
    }

    public static Content read(Path file) throws DatasetException {
        byte[] bytes = bytes(file);
        String name = file.getFileName().toString();
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            boolean little = (bytes[0] & 0xFF) == 0xFF;
            String text = new String(bytes, 2, bytes.length - 2, little ? StandardCharsets.UTF_16LE
                    : StandardCharsets.UTF_16BE);
            return new Content(text, List.of("The file " + name + " is UTF-16 text (" + (little ? "little" : "big")
                    + "-endian, as Excel's \"Unicode text\" saves it); it was read as such."));
        }
        Boolean littleEndian = utf16WithoutMark(bytes);
        if (littleEndian != null) {
            String text = new String(bytes, littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            return new Content(text, List.of("The file " + name + " is UTF-16 text (" + (littleEndian ? "little"
                    : "big") + "-endian, without a byte-order mark); it was read as such. Saving it as \"CSV "
                    + "UTF-8\" avoids the guess."));
        }
        refuseBinary(file, bytes);
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
            return new Content(text, List.of());
        } catch (CharacterCodingException e) {
            String text = new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
            return new Content(text, List.of("The file " + name + " is not UTF-8 text; it was read as "
                    + "Windows-1252 (Western European). If letters look wrong, save it as UTF-8."));
        }
    }

    private static byte[] bytes(Path file) throws DatasetException {
        try {
            checkSize(file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Refuses a file over {@link #MAX_BYTES} or without read permission. */
    private static void checkSize(Path file) throws IOException, DatasetException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw DatasetException.inFile(file, String.format(Locale.ROOT, "The file %s is %,d MB, "
                    + "more than LayerLoom reads as a table (%,d MB). Use a smaller sample of it.", file,
                    size >> 20, MAX_BYTES >> 20), null);
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
    }

    /** The message for a file that cannot be read, saying why and what to do. */
    static DatasetException unreadable(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return DatasetException.inFile(file, "The file " + file + " cannot be read: permission denied. Give "
                    + "yourself read permission on it (or copy it to a folder of your own) and load it again.", e);
        }
        if (e instanceof NoSuchFileException) {
            return DatasetException.inFile(file, "The file " + file + " does not exist (any more). Check the path "
                    + "in the project's data settings.", e);
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return DatasetException.inFile(file, "The file " + file + " cannot be read (" + why + "). Check that "
                + "it is a file, not a folder, and that no other program holds it locked.", e);
    }

    /**
     * How to decode a file for streaming, told from its first bytes as {@link #read} tells it: the charset, the
     * bytes of a byte-order mark to skip, whether malformed input must be reported (UTF-8, which falls back to
     * Windows-1252 with {@link #fallback()}) and the note for the report. Immutable; any thread.
     */
    public record Encoding(Charset charset, int skip, boolean strict, List<String> notes) {

        /** Windows-1252, for a file whose bytes turned out not to be UTF-8. */
        public Encoding fallback(Path file) {
            return new Encoding(Charset.forName("windows-1252"), skip, false, List.of("The file "
                    + file.getFileName() + " is not UTF-8 text; it was read as Windows-1252 (Western European). "
                    + "If letters look wrong, save it as UTF-8."));
        }

        /** A reader of {@code in} (positioned at the file's start) in this encoding. */
        public Reader reader(InputStream in) throws IOException {
            in.skipNBytes(skip);
            CodingErrorAction action = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
            return new InputStreamReader(in, charset.newDecoder().onMalformedInput(action)
                    .onUnmappableCharacter(action));
        }
    }

    /**
     * The encoding of {@code file} from its first {@value #SNIFF_BYTES} bytes, refusing binary, unreadable
     * and too large files as {@link #read} does, without reading the whole file.
     */
    public static Encoding sniff(Path file) throws DatasetException {
        byte[] bytes;
        try {
            checkSize(file);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(SNIFF_BYTES);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        String name = file.getFileName().toString();
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            boolean little = (bytes[0] & 0xFF) == 0xFF;
            return new Encoding(little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE, 2, false,
                    List.of("The file " + name + " is UTF-16 text (" + (little ? "little" : "big")
                            + "-endian, as Excel's \"Unicode text\" saves it); it was read as such."));
        }
        Boolean littleEndian = utf16WithoutMark(bytes);
        if (littleEndian != null) {
            return new Encoding(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE, 0, false,
                    List.of("The file " + name + " is UTF-16 text (" + (littleEndian ? "little" : "big")
                            + "-endian, without a byte-order mark); it was read as such. Saving it as \"CSV "
                            + "UTF-8\" avoids the guess."));
        }
        refuseBinary(file, bytes);
        return new Encoding(StandardCharsets.UTF_8, startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0, true, List.of());
    }

    /** Refuses content that is not text: a zip (.xlsx) or old Excel workbook, NUL bytes, many control bytes. */
    private static void refuseBinary(Path file, byte[] bytes) throws DatasetException {
        if (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw DatasetException.inFile(file, "The file " + file + " is a spreadsheet workbook or archive (such "
                    + "as .xlsx or .xls), not a text table. Open it in the spreadsheet program, save it as \"CSV "
                    + "UTF-8\", and choose that file.", null);
        }
        int n = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                throw DatasetException.atByte(file, i, "The file " + file + " is not a text table: it holds a NUL "
                        + "byte at byte " + i + ", as binary files (images, programs, compressed data) do. Choose "
                        + "the CSV or TSV file of your data, or save the table from its program as \"CSV UTF-8\".");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0C) {
                control++;
            }
        }
        if (n > 0 && control > MAX_CONTROL_SHARE * n) {
            throw DatasetException.inFile(file, String.format(Locale.ROOT, "The file %s is not a text table: %d%% "
                    + "of its first %,d bytes are control characters, as in binary files. Choose the CSV or TSV "
                    + "file of your data.", file, Math.round(100.0 * control / n), n), null);
        }
    }

    /**
     * True (little-endian) or false (big-endian) when the first bytes look like UTF-16 without a byte-order
     * mark: nearly every second byte is NUL and the others nearly never; null otherwise.
     */
    private static Boolean utf16WithoutMark(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        int half = n / 2;
        if (oddZeros >= 0.9 * half && evenZeros <= 0.05 * half) {
            return true;
        }
        if (evenZeros >= 0.9 * half && oddZeros <= 0.05 * half) {
            return false;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
