package org.layerloom.app.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the input shape a student types for code that does not state it ("1,28,28", "1, 28, 28", "(1, 28, 28)",
 * "1x28x28", "4"): 1 to 4 whole numbers above 0, channels first. Shared by the import window and
 * {@code layerloom import --input-shape}, which word their own messages. Stateless; any thread.
 */
public final class InputShapeText {

    /** The most sizes an example's shape has (channels, height, width, and one more for sequences of maps). */
    public static final int MAX_SIZES = 4;

    private InputShapeText() {
    }

    /** The sizes of {@code text}; empty when it is blank or not such a shape. */
    public static Optional<List<Integer>> parse(String text) {
        // "×" or "x" separates sizes only between digits ("1x28x28"); brackets are dropped
        String cleaned = text.replaceAll("(?<=\\d)\\s*[×xX]\\s*(?=\\d)", ",").replaceAll("[()\\[\\]]", " ")
                .trim();
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : cleaned.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int size = Integer.parseInt(part.trim());
                if (size < 1) {
                    return Optional.empty();
                }
                sizes.add(size);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return sizes.isEmpty() || sizes.size() > MAX_SIZES ? Optional.empty() : Optional.of(List.copyOf(sizes));
    }
}
