package org.layerloom.app.assignment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable part of a hand-in page, embedded in it as {@code <script type="application/json"
 * id="layerloom-hand-in">} so that {@code layerloom grade} can find the run and check its weights.
 * Immutable; any thread.
 *
 * @param run           the run's folder relative to the page's folder, with {@code /} between names
 * @param weightsFile   the parameters file the run is judged by ({@code best.params} or {@code last.params})
 * @param weightsSha256 the SHA-256 of that file when it was handed in, in hex
 * @param testAccuracy  the test accuracy the run recorded (NaN when it measured none)
 */
public record HandInRecord(int format, String student, String project, String assignment, String run,
                           String weightsFile, String weightsSha256, double testAccuracy, String layerloom,
                           String handedIn) {

    /** The format of this record; a newer one is refused by {@link #read}. */
    public static final int FORMAT = 1;
    static final String SCRIPT_ID = "layerloom-hand-in";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern SCRIPT = Pattern.compile("<script type=\"application/json\" id=\"" + SCRIPT_ID
            + "\">(.*?)</script>", Pattern.DOTALL);

    /**
     * This record as a script block for the page; {@code <}, {@code >} and {@code &} (only ever inside JSON
     * strings) are written as {@code \\u} escapes, so the JSON can neither end the script nor upset an XML reader.
     */
    String scriptBlock() {
        try {
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
            return "<script type=\"application/json\" id=\"" + SCRIPT_ID + "\">\n" + json + "\n</script>\n";
        } catch (IOException e) {
            throw new IllegalStateException("a hand-in record could not be written as JSON", e);
        }
    }

    /**
     * The record embedded in the text of a hand-in page, or empty when the page has none.
     *
     * @throws IOException when the block is there but damaged or of a newer format, with the reason
     */
    public static Optional<HandInRecord> read(String page) throws IOException {
        Matcher m = SCRIPT.matcher(page);
        if (!m.find()) {
            return Optional.empty();
        }
        HandInRecord record;
        try {
            record = JSON.readValue(m.group(1), HandInRecord.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("its hand-in data is damaged (" + e.getOriginalMessage() + ")", e);
        }
        if (record.format() > FORMAT) {
            throw new IOException("it was handed in by a newer LayerLoom (hand-in format " + record.format() + ")");
        }
        if (record.run() == null || record.weightsFile() == null || record.weightsSha256() == null) {
            throw new IOException("its hand-in data names no run, weights file or weights hash");
        }
        return Optional.of(record);
    }
}
