package org.layerloom.engine.data;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A dataset could not be loaded. The message is a full sentence for students: what went wrong, where (the
 * file, and a line or byte offset when known) and what to do about it. Thrown on the loading thread.
 */
public class DatasetException extends Exception {

    private final transient Path file;
    private final long byteOffset;
    private final long line;

    public DatasetException(String message) {
        this(message, null, -1, -1, null);
    }

    public DatasetException(String message, Throwable cause) {
        this(message, null, -1, -1, cause);
    }

    protected DatasetException(String message, Path file, long byteOffset, long line, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.byteOffset = byteOffset;
        this.line = line;
    }

    /** A problem with {@code file} as a whole; the message should name it. */
    public static DatasetException inFile(Path file, String message, Throwable cause) {
        return new DatasetException(message, file, -1, -1, cause);
    }

    /** A problem at {@code byteOffset} (counted from 0) in {@code file}; the message should name both. */
    public static DatasetException atByte(Path file, long byteOffset, String message) {
        return new DatasetException(message, file, byteOffset, -1, null);
    }

    /** A problem on {@code line} (counted from 1) of {@code file}; the message should name both. */
    public static DatasetException atLine(Path file, long line, String message) {
        return new DatasetException(message, file, -1, line, null);
    }

    /** The file at fault, if the problem lies in one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Where in the file (byte offset from 0; in the unpacked data for gzip files), if known. */
    public OptionalLong byteOffset() {
        return byteOffset < 0 ? OptionalLong.empty() : OptionalLong.of(byteOffset);
    }

    /** The line of a text file (from 1), if known. */
    public OptionalLong line() {
        return line < 0 ? OptionalLong.empty() : OptionalLong.of(line);
    }
}
