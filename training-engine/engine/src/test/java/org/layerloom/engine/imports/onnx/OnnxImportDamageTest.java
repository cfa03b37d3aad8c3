package org.layerloom.engine.imports.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.export.OnnxImportExportCases;

/**
 * Seeded random damage to real exports (bytes overwritten, files cut at random places) never makes the
 * importer throw: every result is either a graph or a report with problems, never both nor neither.
 */
class OnnxImportDamageTest {

    private static final int TRIES = 300;

    @Test
    void randomly_damaged_exports_give_a_graph_or_problems_never_an_exception() throws Exception {
        Random random = new Random(2026);
        int refused = 0;
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (String sample : new String[] {"residual-shapes", "sentiment-lstm", "transformer-pattern"}) {
            byte[] bytes = OnnxImportRoundTrip.of(sample, OnnxImportExportCases.all().get("sample " + sample), 1).onnx;
            for (int t = 0; t < TRIES; t++) {
                byte[] damaged = t % 3 == 0 ? Arrays.copyOf(bytes, random.nextInt(bytes.length)) : bytes.clone();
                if (t % 3 != 0) {
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                    }
                }
                OnnxImport[] result = new OnnxImport[1];
                assertThatCode(() -> result[0] = OnnxImporter.read(damaged)).as("%s try %d", sample, t)
                        .doesNotThrowAnyException();
                assertThat(result[0].imported()).as("%s try %d", sample, t).isNotEqualTo(!result[0].problems().isEmpty());
                refused += result[0].imported() ? 0 : 1;
                if (!result[0].imported()) {
                    String m = result[0].problems().get(0).message();
                    kinds.merge(m.substring(0, Math.min(40, m.length())), 1, Integer::sum);
                }
            }
        }
        System.out.println("Damaged exports refused, by the start of the first problem: " + kinds);
        assertThat(refused).isGreaterThan(TRIES);
    }
}
