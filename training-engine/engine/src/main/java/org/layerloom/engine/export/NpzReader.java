package org.layerloom.engine.export;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the arrays of an {@code .npz} file (a zip of NumPy {@code .npy} files), as {@link NpzWriter} writes
 * them and as NumPy's {@code np.savez} does: float32 and int64, little-endian, in C order. Anything else is an
 * {@link IOException} whose message names the file and the array. Stateless; any thread.
 */
public final class NpzReader {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    /** The largest array read: 2 GB of values. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private NpzReader() {
    }

    /** Every array of {@code file}, in the order the zip lists them. */
    public static List<NpyArray> read(Path file) throws IOException {
        List<NpyArray> arrays = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName().replaceFirst("\\.npy$", "");
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.add(readNpy(name, in, file.getFileName() + ": " + entry.getName()));
                }
            }
        } catch (ZipException e) {
            throw new IOException(file.getFileName() + " is not an .npz file (a zip of NumPy arrays): "
                    + e.getMessage(), e);
        }
        return arrays;
    }

    private static NpyArray readNpy(String name, InputStream stream, String what) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || magic[0] != (byte) 0x93 || magic[1] != 'N' || magic[6] < 1 || magic[6] > 3) {
            throw new IOException(what + " is not a NumPy .npy array");
        }
        ByteBuffer length = ByteBuffer.wrap(in.readNBytes(magic[6] == 1 ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = magic[6] == 1 ? Short.toUnsignedInt(length.getShort()) : length.getInt();
        String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !shapeText.find()) {
            throw new IOException(what + " has a damaged header: " + header.trim());
        }
        if (!header.contains("'fortran_order': False")) {
            throw new IOException(what + " is stored in Fortran order; save it in C order (NumPy's default)");
        }
        String type = descr.group(1);
        int width = switch (type) {
            case NpyArray.FLOAT32 -> Float.BYTES;
            case NpyArray.INT64 -> Long.BYTES;
            default -> throw new IOException(what + " holds " + type + " values; LayerLoom reads float32 (<f4) and"
                    + " int64 (<i8)");
        };
        long[] shape;
        try {
            shape = Arrays.stream(shapeText.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IOException(what + " has a damaged shape: " + shapeText.group(1), e);
        }
        long count = 1;
        for (long dim : shape) {
            if (dim < 0 || (dim > 0 && count > MAX_BYTES / width / dim)) {
                throw new IOException(what + " has an impossible shape " + Arrays.toString(shape));
            }
            count *= dim;
        }
        byte[] data = in.readNBytes((int) (count * width));
        if (data.length != count * width) {
            throw new IOException(what + " ends before its " + count + " values");
        }
        return new NpyArray(name, shape, type, data);
    }
}
