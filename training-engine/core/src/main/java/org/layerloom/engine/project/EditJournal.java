package org.layerloom.engine.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The recovery journal of one open project: an append-only file of {@link JournalRecord}s, one per
 * committed edit, kept beside the autosave so that a crash loses no edit that reached the disk. Each
 * record delimits itself and carries a CRC32 of its payload:
 * <pre>
 * LJ1 SEQUENCE EPOCH_MILLIS PAYLOAD_BYTES CRC32_HEX\n
 * PAYLOAD\n
 * </pre>
 * where the payload is the project's file (a {@code file:} URI, or {@code -} when never saved), a line
 * break and the project's canonical JSON ({@link ProjectFiles#toJson}). {@link #read} keeps the records
 * up to the first torn or damaged one (cut short by a kill, a wrong CRC, a sequence that does not grow,
 * a project that does not parse), so what it returns always parses.
 *
 * <p>While a journal is open for writing its process holds a lock on it, so that {@link #inUse} tells the
 * journal of a window still open (in this process or another) from one a crash left behind.
 *
 * <p>The writing side ({@link #append}, {@link #force}, {@link #reset}, {@link #delete}) is not
 * thread-safe: one thread writes ({@link JournalWriter} owns it). {@link #read} and {@link #inUse} are
 * static; any thread.
 */
public final class EditJournal implements AutoCloseable {

    private static final String MAGIC = "LJ1";
    private static final int MAX_HEADER = 128;
    private static final String NO_FILE = "-";

    /** What a journal file holds: its intact records, oldest first, and why reading stopped early, if it did. */
    public record Contents(List<JournalRecord> records, Optional<String> damage) {

        public Contents {
            records = List.copyOf(records);
        }

        /** The newest intact record. */
        public Optional<JournalRecord> last() {
            return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
        }
    }

    private final Path file;
    private FileChannel channel;

    public EditJournal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends {@code record} at the end of the file (created with its folder if needed); not forced to disk. */
    public void append(JournalRecord record) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(encode(record));
        FileChannel out = open();
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Forces what was appended to the disk. */
    public void force() throws IOException {
        if (channel != null) {
            channel.force(false);
        }
    }

    /** Empties the journal (its edits are in a newer autosave now) and forces that to the disk. */
    public void reset() throws IOException {
        if (channel == null && !Files.exists(file)) {
            return;
        }
        FileChannel out = open();
        out.truncate(0);
        out.force(true);
    }

    /** Deletes and closes the file (the work was saved or thrown away); it stays locked until it is gone. */
    public void delete() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            close();
        }
    }

    /**
     * Whether a live process (this one included) is writing the journal {@code file}. A journal whose process died
     * (a crash, a kill) is not in use; nor is a missing file.
     */
    public static boolean inUse(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            FileChannel open = channel;
            channel = null;
            open.close();
        }
    }

    private FileChannel open() throws IOException {
        if (channel == null) {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            try {
                channel.tryLock();
            } catch (IOException | OverlappingFileLockException e) {
                // A file system without locks: the journal works, only inUse cannot see it.
            }
        }
        return channel;
    }

    /** The bytes {@link #append} writes for {@code record}. */
    static byte[] encode(JournalRecord record) {
        String origin = record.file().map(f -> f.toAbsolutePath().toUri().toString()).orElse(NO_FILE);
        byte[] payload = (origin + "\n" + ProjectFiles.toJson(record.project())).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] header = (MAGIC + " " + record.sequence() + " " + record.at().toEpochMilli() + " " + payload.length
                + " " + HexFormat.of().toHexDigits((int) crc.getValue()) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + payload.length + 1];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(payload, 0, all, header.length, payload.length);
        all[all.length - 1] = '\n';
        return all;
    }

    /** The intact records of the journal {@code file}; a missing file has none. */
    public static Contents read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), Optional.empty());
        }
        List<JournalRecord> records = new ArrayList<>();
        int at = 0;
        long lastSequence = 0;
        while (at < bytes.length) {
            int recordStart = at;
            String where = "the record at byte " + recordStart + " of " + file.getFileName();
            int end = -1;
            for (int i = at; i < Math.min(bytes.length, at + MAX_HEADER); i++) {
                if (bytes[i] == '\n') {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                return damaged(records, where + " is cut short in its header");
            }
            String[] header = new String(bytes, at, end - at, StandardCharsets.US_ASCII).split(" ");
            long sequence;
            long millis;
            int length;
            int crc;
            try {
                if (header.length != 5 || !header[0].equals(MAGIC)) {
                    return damaged(records, where + " does not start with a journal header");
                }
                sequence = Long.parseLong(header[1]);
                millis = Long.parseLong(header[2]);
                length = Integer.parseInt(header[3]);
                crc = HexFormat.fromHexDigits(header[4]);
            } catch (NumberFormatException e) {
                return damaged(records, where + " has a damaged header");
            }
            int payloadStart = end + 1;
            if (length < 0 || (long) payloadStart + length + 1 > bytes.length) {
                return damaged(records, where + " is cut short (a crash while it was written)");
            }
            if (bytes[payloadStart + length] != '\n') {
                return damaged(records, where + " does not end where its header says");
            }
            CRC32 check = new CRC32();
            check.update(bytes, payloadStart, length);
            if ((int) check.getValue() != crc) {
                return damaged(records, where + " fails its CRC32 check");
            }
            if (sequence <= lastSequence) {
                return damaged(records, where + " has the sequence " + sequence + " after " + lastSequence);
            }
            String payload = new String(bytes, payloadStart, length, StandardCharsets.UTF_8);
            int lineEnd = payload.indexOf('\n');
            if (lineEnd < 0) {
                return damaged(records, where + " has no project");
            }
            String origin = payload.substring(0, lineEnd);
            try {
                Optional<Path> from = origin.equals(NO_FILE) ? Optional.empty()
                        : Optional.of(Path.of(java.net.URI.create(origin)));
                Project project = ProjectFiles.fromJson(payload.substring(lineEnd + 1), file.getFileName().toString());
                records.add(new JournalRecord(sequence, Instant.ofEpochMilli(millis), from, project));
            } catch (ProjectFileException | RuntimeException e) {
                return damaged(records, where + " holds a project that does not open: " + e.getMessage());
            }
            lastSequence = sequence;
            at = payloadStart + length + 1;
        }
        return new Contents(records, Optional.empty());
    }

    private static Contents damaged(List<JournalRecord> records, String why) {
        return new Contents(records, Optional.of(why));
    }
}
