package org.layerloom.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads one IDX file (the MNIST format: a big-endian magic number, the axis sizes, then unsigned bytes), plain
 * or gzip-compressed (recognised by its first bytes 1f 8b, whatever its name). Reads in large chunks, reports
 * progress in bytes of the file, and turns every defect into a {@link DatasetException} naming the file and
 * the byte offset in the unpacked data. Used once, on the loading thread.
 */
final class IdxFile implements AutoCloseable {

    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final String step;
    private final boolean gzip;
    private final CountingStream raw;
    private final CountingStream data;
    private final ProgressMeter meter;
    private long reported;
    private int[] dims = new int[0];

    private IdxFile(Path file, boolean gzip, CountingStream raw, CountingStream data, ProgressMeter meter) {
        this.file = file;
        this.step = "Reading " + file.getFileName();
        this.gzip = gzip;
        this.raw = raw;
        this.data = data;
        this.meter = meter;
    }

    static IdxFile open(Path file, ProgressMeter meter) throws DatasetException {
        CountingStream raw = null;
        try {
            raw = new CountingStream(Files.newInputStream(file));
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            InputStream data = gzip ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
            return new IdxFile(file, gzip, raw, new CountingStream(data), meter);
        } catch (IOException e) {
            closeQuietly(raw);
            throw DatasetException.inFile(file, "The file " + file + " starts like a gzip file but cannot be "
                    + "unpacked (" + e.getMessage() + "). It is damaged; download it again.", e);
        }
    }

    /** Reads an image header and returns {count, rows, columns}. */
    int[] readImageHeader() throws DatasetException {
        readHeader(IMAGES_MAGIC);
        if ((long) dims[0] * dims[1] * dims[2] > Integer.MAX_VALUE - 8) {
            throw DatasetException.atByte(file, 4, "The file " + file + " announces " + content()
                    + ", too many to load at once.");
        }
        return dims.clone();
    }

    /** Reads a label header and returns the number of labels. */
    int readLabelHeader() throws DatasetException {
        readHeader(LABELS_MAGIC);
        return dims[0];
    }

    /**
     * Reads the first {@code count} images into {@code dest}, one row of rows×columns floats each, mapping each
     * byte through {@code lookup}; image {@code i} goes to row {@code destRow[i]}, or row {@code i} when
     * {@code destRow} is null.
     */
    void readImages(int count, float[] lookup, float[] dest, int[] destRow) throws DatasetException {
        int pixels = dims[1] * dims[2];
        int rowsPerChunk = Math.max(1, CHUNK_BYTES / pixels);
        byte[] chunk = new byte[rowsPerChunk * pixels];
        for (int first = 0; first < count; first += rowsPerChunk) {
            int rows = Math.min(rowsPerChunk, count - first);
            read(chunk, rows * pixels);
            for (int r = 0; r < rows; r++) {
                int to = (destRow == null ? first + r : destRow[first + r]) * pixels;
                int from = r * pixels;
                for (int j = 0; j < pixels; j++) {
                    dest[to + j] = lookup[chunk[from + j] & 0xFF];
                }
            }
            reportProgress();
        }
    }

    /** Reads the first {@code count} labels, each of which must be below {@code classCount}. */
    int[] readLabels(int count, int classCount) throws DatasetException {
        byte[] bytes = new byte[count];
        long start = data.count();
        read(bytes, count);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xFF;
            if (labels[i] >= classCount) {
                throw DatasetException.atByte(file, start + i, String.format(Locale.ROOT,
                        "The file %s has the label %d at byte %,d (label number %,d), but labels must lie from "
                                + "0 to %d. The file is damaged or is not a label file of this dataset.",
                        file, labels[i], start + i, i + 1, classCount - 1));
            }
        }
        reportProgress();
        return labels;
    }

    /** "60,000 images of 28×28 pixels" or "60,000 labels", from the header. */
    String content() {
        return dims.length == 3
                ? String.format(Locale.ROOT, "%,d images of %d×%d pixels", dims[0], dims[1], dims[2])
                : String.format(Locale.ROOT, "%,d labels", dims[0]);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        closeQuietly(data);
    }

    private void readHeader(int expectedMagic) throws DatasetException {
        byte[] head = new byte[4];
        read(head, 4);
        int magic = bigEndian(head, 0);
        if (magic != expectedMagic) {
            throw wrongMagic(expectedMagic, magic, head);
        }
        int axes = magic & 0xFF;
        byte[] sizes = new byte[4 * axes];
        read(sizes, sizes.length);
        dims = new int[axes];
        for (int a = 0; a < axes; a++) {
            dims[a] = bigEndian(sizes, 4 * a);
            if (dims[a] <= 0) {
                throw DatasetException.atByte(file, 4 + 4L * a, "The file " + file + " is damaged: its header "
                        + "gives the size " + Integer.toUnsignedString(dims[a]) + " for axis " + (a + 1)
                        + ". Download it again.");
            }
        }
        if (!gzip) {
            long size = sizeOf(file);
            if (size < expectedLength()) {
                throw truncated(size);
            }
        } else {
            long unpacked = gzipLength(file);
            if (unpacked >= 0 && unpacked < expectedLength() && expectedLength() < (1L << 32)) {
                throw truncated(unpacked);
            }
        }
    }

    private void read(byte[] buffer, int length) throws DatasetException {
        int got;
        try {
            got = data.readNBytes(buffer, 0, length);
        } catch (EOFException e) {
            throw DatasetException.atByte(file, data.count(), String.format(Locale.ROOT,
                    "The file %s is incomplete: its gzip data breaks off after %,d unpacked bytes, but %s. "
                            + "Download it again or copy it completely.", file, data.count(), expectation()));
        } catch (IOException e) {
            throw DatasetException.atByte(file, data.count(), String.format(Locale.ROOT,
                    "The file %s is damaged: it cannot be read after %,d%s bytes (%s). Download it again.",
                    file, data.count(), gzip ? " unpacked" : "", e.getMessage()));
        }
        if (got < length) {
            throw truncated(data.count());
        }
    }

    private void reportProgress() throws DatasetCancelledException {
        long now = raw.count();
        meter.advance(step, now - reported);
        reported = now;
    }

    private long expectedLength() {
        long length = 4 + 4L * dims.length;
        long values = 1;
        for (int d : dims) {
            values *= d;
        }
        return length + values;
    }

    private String expectation() {
        if (dims.length == 0) {
            return "an IDX file needs a header of at least 8 bytes";
        }
        return String.format(Locale.ROOT, "its header announces %s, which take %,d bytes%s", content(),
                expectedLength(), gzip ? " when unpacked" : "");
    }

    private DatasetException truncated(long actual) {
        return DatasetException.atByte(file, actual, String.format(Locale.ROOT,
                "The file %s is incomplete: %s, but it ends after %,d bytes%s. Download it again or copy it "
                        + "completely.", file, expectation(), actual, gzip ? " when unpacked" : ""));
    }

    private DatasetException wrongMagic(int expected, int found, byte[] head) {
        String kind = expected == IMAGES_MAGIC ? "images" : "labels";
        String singular = expected == IMAGES_MAGIC ? "image" : "label";
        if (found == IMAGES_MAGIC || found == LABELS_MAGIC) {
            String other = found == IMAGES_MAGIC ? "images" : "labels";
            return DatasetException.atByte(file, 0, "The file " + file + " holds " + other + ", not " + kind
                    + " (its magic number is " + found + ", not " + expected + "). Are the file names mixed up?");
        }
        StringBuilder message = new StringBuilder(String.format(Locale.ROOT,
                "The file %s is not an IDX %s file: it should start with the magic number %d (bytes %s) but "
                        + "starts with the bytes %s.", file, singular, expected, hex(expected), hex(found)));
        if (looksLikeText(head)) {
            message.append(" It looks like text, perhaps a web page saved by a failed download.");
        }
        if (!gzip && file.getFileName().toString().endsWith(".gz")) {
            message.append(" Its name ends in .gz, but it is not gzip-compressed either.");
        }
        message.append(" Download the file again.");
        return DatasetException.atByte(file, 0, message.toString());
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b < 0x09 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "%02x %02x %02x %02x", value >>> 24, (value >>> 16) & 0xFF,
                (value >>> 8) & 0xFF, value & 0xFF);
    }

    private static int bigEndian(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /**
     * The unpacked length a gzip file records in its last four bytes (ISIZE, modulo 2³²), so that a header
     * announcing more data than the file holds is caught before memory is reserved for it; −1 if unreadable.
     */
    private static long gzipLength(Path path) {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(path)) {
            long size = channel.size();
            if (size < 18) {
                return -1;
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.position(size - 4);
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // fill the four bytes
            }
            return tail.hasRemaining() ? -1 : Integer.toUnsignedLong(tail.getInt(0));
        } catch (IOException e) {
            return -1;
        }
    }

    private long sizeOf(Path path) throws DatasetException {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw DatasetException.inFile(path, "The size of " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close of a read-only stream loses nothing
            }
        }
    }

    /** Counts the bytes taken from the file, for progress. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
