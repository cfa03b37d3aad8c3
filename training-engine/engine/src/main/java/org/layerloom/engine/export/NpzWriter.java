package org.layerloom.engine.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes arrays as a NumPy {@code .npz} file in plain Java: a zip with one {@code NAME.npy} entry per array,
 * each in the {@code .npy} format version 1.0 (the magic string, a little-endian header length, a Python
 * dict literal with {@code descr}, {@code fortran_order} and {@code shape}, padded with spaces and a newline
 * so that the data starts at a multiple of 64 bytes, then the raw little-endian data in C order). Entries are
 * deflated and dated 1980-01-01, so the same arrays always give the same bytes. {@code numpy.load} reads the
 * result exactly, as the export tests check. Stateless; any thread.
 */
public final class NpzWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;
    private static final long FIXED_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    private NpzWriter() {
    }

    /** Writes {@code arrays}, in their order, to {@code file}. */
    public static void write(Path file, List<NpyArray> arrays) throws IOException {
        Set<String> names = new HashSet<>();
        for (NpyArray array : arrays) {
            if (!names.add(array.name())) {
                throw new IllegalArgumentException("two arrays are called " + array.name());
            }
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (NpyArray array : arrays) {
                ZipEntry entry = new ZipEntry(array.name() + ".npy");
                entry.setTime(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(header(array));
                zip.write(array.data());
                zip.closeEntry();
            }
        }
    }

    /** The {@code .npy} preamble and header of {@code array}, padded to a multiple of 64 bytes. */
    static byte[] header(NpyArray array) {
        String dict = "{'descr': '" + array.descr() + "', 'fortran_order': False, 'shape': " + tuple(array.shape())
                + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String text = dict + " ".repeat(padding) + "\n";
        byte[] header = new byte[MAGIC.length + 2 + text.length()];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = (byte) (text.length() & 0xff);
        header[MAGIC.length + 1] = (byte) (text.length() >>> 8);
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, header, MAGIC.length + 2, ascii.length);
        return header;
    }

    /** A Python tuple literal: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    static String tuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
