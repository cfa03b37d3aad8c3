package org.layerloom.engine.data.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one picture file strictly: recognises the format by its first bytes (not its name), refuses files
 * that are empty, not pictures, in a format ImageIO cannot read here (WebP, HEIC, AVIF), or damaged. ImageIO
 * decodes a truncated JPEG or PNG partly and without an exception, so a JPEG must hold its end marker (FF D9),
 * a PNG its IEND chunk, a GIF must end with its trailer, a BMP must be as long as its header says, and any
 * warning of the decoder (e.g. "premature end of data segment") counts as damage. Data appended after a
 * JPEG's end (a phone's motion photo) is allowed. Stateless; any thread.
 */
final class PictureDecoder {

    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private PictureDecoder() {
    }

    /** Why a file could not be used, for a {@link SkipLog}. */
    static final class Refused extends Exception {
        final SkipReason reason;

        Refused(SkipReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** The picture in {@code file}, fully decoded, or the reason it is left out. */
    static BufferedImage decode(Path file) throws Refused {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new Refused(SkipReason.UNREADABLE, "no permission to read it");
        } catch (IOException | OutOfMemoryError e) {
            throw new Refused(SkipReason.UNREADABLE, "cannot be opened: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (bytes.length == 0) {
            throw new Refused(SkipReason.EMPTY_FILE, "0 bytes");
        }
        String known = format(bytes);
        String damage = known == null ? null : truncation(known, bytes);
        if (damage != null) {
            throw new Refused(SkipReason.DAMAGED, damage);
        }
        String format = known == null ? "picture" : known;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                if (known == null) {
                    throw new Refused(SkipReason.NOT_A_PICTURE, "its content is not a picture"
                            + (looksLikeText(bytes) ? "; it begins like text" : ""));
                }
                throw new Refused(SkipReason.UNSUPPORTED_FORMAT, known);
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new Refused(SkipReason.DAMAGED, "the " + format + " decoder warned: "
                            + String.join("; ", warnings));
                }
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new Refused(SkipReason.DAMAGED, "no picture in this " + format + " file");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new Refused(SkipReason.DAMAGED, "the " + format + " decoder failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** The picture, or null if it is left out for any reason. */
    static BufferedImage decodeQuietly(Path file) {
        try {
            return decode(file);
        } catch (Refused e) {
            return null;
        }
    }

    /** The format the first bytes show ("PNG", "JPEG", "WebP", ...), or null for no picture format known. */
    static String format(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "PNG";
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "JPEG";
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return "GIF";
        }
        if (starts(b, 0, 'B', 'M') && b.length >= 14) {
            return "BMP";
        }
        if (starts(b, 0, 'I', 'I', '*', 0) || starts(b, 0, 'M', 'M', 0, '*')) {
            return "TIFF";
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return "WebP";
        }
        if (starts(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.startsWith("avi")) {
                return "AVIF";
            }
            if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev")) {
                return "HEIC";
            }
        }
        if (starts(b, 0, 0xFF, 0x0A) || starts(b, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return "JPEG XL";
        }
        return null;
    }

    /** What shows that the file was cut short, or null if its end is where it should be. */
    static String truncation(String format, byte[] b) {
        switch (format) {
            case "JPEG" -> {
                int end = b.length;
                while (end > 2 && (b[end - 1] == 0 || b[end - 1] == '\n' || b[end - 1] == '\r')) {
                    end--; // padding some writers add after the end marker
                }
                boolean endsWell = end >= 4 && (b[end - 2] & 0xFF) == 0xFF && (b[end - 1] & 0xFF) == 0xD9;
                // data after the end marker (a phone's motion photo) is left to the decoder's warnings
                if (!endsWell && indexOf(b, new byte[] {(byte) 0xFF, (byte) 0xD9}, 2) < 0) {
                    return "truncated: the JPEG end marker FF D9 is missing";
                }
            }
            case "PNG" -> {
                if (indexOf(b, PNG_END, 8) < 0) {
                    return "truncated: the PNG has no IEND chunk at its end";
                }
            }
            case "GIF" -> {
                int end = b.length;
                while (end > 6 && b[end - 1] == 0) {
                    end--;
                }
                if (b[end - 1] != 0x3B) {
                    return "truncated: the GIF trailer (3B) is missing";
                }
            }
            case "BMP" -> {
                long declared = (b[2] & 0xFFL) | (b[3] & 0xFFL) << 8 | (b[4] & 0xFFL) << 16 | (b[5] & 0xFFL) << 24;
                if (declared > b.length && declared < (1L << 31)) {
                    return "truncated: the BMP header declares " + declared + " bytes, the file has " + b.length;
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 64);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] b, int at, int... magic) {
        if (b.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xFF) != (magic[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] part, int from) {
        outer:
        for (int i = from; i <= b.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (b[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
