package org.layerloom.engine.data.standard;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.layerloom.engine.data.DatasetException;

/**
 * Unpacks chosen regular files of a {@code .tar.gz} archive (POSIX ustar headers) flat into a folder, by
 * their base name only, so that no path in the archive can write outside the folder. Stateless; any thread.
 */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** Extracts the files whose base name {@code wanted} accepts; returns their names. */
    static List<String> extract(Path archive, Path folder, Predicate<String> wanted) throws DatasetException {
        List<String> extracted = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12)
                        .trim(), 8);
                char type = (char) header[156];
                String full = prefix.isEmpty() ? name : prefix + "/" + name;
                String base = full.substring(full.lastIndexOf('/') + 1);
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if ((type == '0' || type == 0) && !base.isEmpty() && wanted.test(base)) {
                    Path target = folder.resolve(base);
                    Path part = folder.resolve(base + ".part");
                    try (OutputStream out = Files.newOutputStream(part)) {
                        copy(in, out, size);
                    }
                    Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    in.skipNBytes(padded - size);
                    extracted.add(base);
                } else {
                    in.skipNBytes(padded);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw DatasetException.inFile(archive, "The archive " + archive + " cannot be unpacked ("
                    + e.getMessage() + "). It is damaged; delete it and download it again.", e);
        }
        return extracted;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the archive ends in the middle of a file");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String text(byte[] block, int from, int length) {
        int end = from;
        while (end < from + length && block[end] != 0) {
            end++;
        }
        return new String(block, from, end - from, StandardCharsets.UTF_8);
    }
}
