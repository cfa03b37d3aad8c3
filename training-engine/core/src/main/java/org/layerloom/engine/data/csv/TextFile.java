package org.layerloom.engine.data.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.layerloom.engine.data.DatasetException;

/**
 * Reads a whole text file for a reader: UTF-8 (a byte-order mark is dropped), or Windows-1252 when the bytes
 * are not UTF-8, which is then reported rather than turned into replacement characters silently.
 * Stateless; any thread.
 */
public final class TextFile {

    /** Files larger than this are refused with an explanation instead of filling the memory. */
    static final long MAX_BYTES = 512L << 20;

    private TextFile() {
    }

    /** The text of {@code file} and a note about its encoding when it was not UTF-8. */
    public record Content(String text, List<String> notes) {
    }

    public static Content read(Path file) throws DatasetException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw DatasetException.inFile(file, String.format(java.util.Locale.ROOT, "The file %s is %,d MB, "
                        + "more than LayerLoom reads as a table (%,d MB). Use a smaller sample of it.", file,
                        size >> 20, MAX_BYTES >> 20), null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw DatasetException.inFile(file, "The file " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
            return new Content(text, List.of());
        } catch (CharacterCodingException e) {
            String text = new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
            return new Content(text, List.of("The file " + file.getFileName() + " is not UTF-8 text; it was read as "
                    + "Windows-1252 (Western European). If letters look wrong, save it as UTF-8."));
        }
    }
}
