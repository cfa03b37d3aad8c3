package org.layerloom.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentence on where the explanation methods agree. */
class AgreementTest {

    private static float[] hot(int from, int to) {
        float[] map = new float[100];
        for (int i = from; i < to; i++) {
            map[i] = 1 + i * 1e-3f;
        }
        return map;
    }

    @Test
    void names_each_pair_s_shared_top_pixels_and_which_agree_or_disagree() {
        Map<String, float[]> maps = new LinkedHashMap<>();
        maps.put("saliency", hot(0, 10));
        maps.put("occlusion", hot(0, 10));
        maps.put("LIME", hot(50, 60));

        String sentence = Agreement.ofMaps(maps);

        assertThat(sentence).contains("saliency and occlusion 100 %").contains("saliency and LIME 0 %")
                .contains("Saliency and occlusion point at the same place")
                .contains("Saliency and LIME; occlusion and LIME disagree");
    }

    @Test
    void one_map_alone_has_nothing_to_agree_with() {
        assertThat(Agreement.ofMaps(Map.of("LIME", hot(0, 10)))).isEmpty();
    }

    @Test
    void for_text_and_tables_it_compares_the_first_ranked_inputs() {
        Map<String, String> same = new LinkedHashMap<>();
        same.put("The gradient", "great");
        same.put("LIME", "great");
        assertThat(Agreement.ofTopInputs(same)).endsWith("they agree.");
        same.put("LIME", "movie");
        assertThat(Agreement.ofTopInputs(same)).contains("LIME ranks \u201cmovie\u201d first")
                .endsWith("they disagree on what matters most.");
    }
}
