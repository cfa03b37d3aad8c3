package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.layerloom.engine.data.DatasetException;

/**
 * The streaming tokenizer splits any text into the records, lines and blank-line count that
 * {@link CsvParser} finds in it whole, even when the reader hands it one to three characters at a time, so
 * that a CRLF, a doubled quote or a quoted line break falls across every buffer boundary.
 */
class CsvRecordReaderTest {

    private static final Path FILE = Path.of("t.csv");

    @Property(tries = 500)
    void streamed_records_equal_the_whole_text_parse(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        String text = randomText(random);
        boolean quoting = random.nextInt(4) != 0;

        String expected;
        List<CsvRow> rows = new ArrayList<>();
        int blank = 0;
        try {
            CsvParser.Result result = CsvParser.parse(text, ',', quoting, FILE);
            rows.addAll(result.rows());
            blank = result.blankLines();
            expected = null;
        } catch (DatasetException e) {
            expected = e.getMessage();
        }

        List<CsvRow> streamed = new ArrayList<>();
        String message = null;
        CsvRecordReader reader = new CsvRecordReader(new Trickle(text, random), ',', quoting, FILE);
        try {
            List<String> fields = new ArrayList<>();
            while (reader.next(fields)) {
                streamed.add(new CsvRow(reader.rowLine(), fields));
            }
        } catch (DatasetException e) {
            message = e.getMessage();
        }

        assertThat(message).as(text).isEqualTo(expected);
        if (expected == null) {
            assertThat(streamed).as(text).isEqualTo(rows);
            assertThat(reader.blankLines()).as(text).isEqualTo(blank);
        }
    }

    private static String randomText(Random random) {
        String[] pieces = {"a", "bc", "1.5", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "x y"};
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    /** A reader that gives one to three characters per call. */
    private static final class Trickle extends Reader {
        private final StringReader text;
        private final Random random;

        Trickle(String text, Random random) {
            this.text = new StringReader(text);
            this.random = random;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return text.read(buffer, offset, Math.min(length, 1 + random.nextInt(3)));
        }

        @Override
        public void close() {
            text.close();
        }
    }
}
