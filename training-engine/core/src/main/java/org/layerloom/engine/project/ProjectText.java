package org.layerloom.engine.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bytes of a project file: reads them with a size limit, and turns them into text and back as
 * strict UTF-8. Stateless; any thread.
 */
final class ProjectText {

    /** The largest project file LayerLoom opens: 16 MiB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private ProjectText() {
    }

    /** The bytes of {@code file}, refusing files over {@link #MAX_BYTES} before reading them. */
    static byte[] read(Path file, String source) throws ProjectFileException {
        try {
            if (Files.isDirectory(file)) {
                throw new ProjectFileException(source, "", "this is a folder, not a project file. Open the .loom file"
                        + " inside it instead.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(size, source);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(Math.max(bytes.length, Files.size(file)), source);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(source, "", "the file does not exist. It may have been moved, renamed or"
                    + " deleted.", e);
        } catch (AccessDeniedException | SecurityException e) {
            throw new ProjectFileException(source, "", "LayerLoom is not allowed to read this file. Check its"
                    + " permissions, or copy it to a folder of your own.", e);
        } catch (IOException e) {
            throw new ProjectFileException(source, "", "the file could not be read (" + e.getMessage() + ").", e);
        }
    }

    static ProjectFileException tooLarge(long bytes, String source) {
        String size = String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        return new ProjectFileException(source, "", "the file is " + size + "; a LayerLoom project is at most "
                + MAX_BYTES / (1024 * 1024) + " MB. Is this really a .loom project?");
    }

    /** The text of a file, or an error naming the first byte that is not UTF-8. */
    static String decode(byte[] bytes, String source) throws ProjectFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ProjectFileException(source, "", "the file is not UTF-8 text: the byte at offset "
                    + Words.whole(in.position()) + " is not part of any character. LayerLoom projects are UTF-8"
                    + " JSON; if you edited the file, save it again as UTF-8 (it may also be damaged, or not a"
                    + " project at all).");
        }
        return out.flip().toString();
    }

    /** The UTF-8 bytes of {@code text}; fails on a broken character (a lone surrogate) instead of writing '?'. */
    static byte[] encode(String text) throws CharacterCodingException {
        ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
