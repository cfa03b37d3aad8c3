package org.layerloom.engine.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstructionsTest {

    @Test
    void the_subset_becomes_headings_paragraphs_lists_and_styled_spans() {
        String html = Instructions.toHtml("# Goal\nTrain a **CNN**\nwith *few* `Conv2D` layers.\n\n- one\n- two");

        assertThat(html).isEqualTo("<h3>Goal</h3>\n<p>Train a <strong>CNN</strong> with <em>few</em>"
                + " <code>Conv2D</code> layers.</p>\n<ul><li>one</li><li>two</li></ul>\n");
    }

    @Test
    void html_and_links_stay_plain_text() {
        String html = Instructions.toHtml("<script>alert(1)</script> [x](http://a) **<b>**");

        assertThat(html).doesNotContain("<script>", "<b>", "<a")
                .contains("&lt;script&gt;", "<strong>&lt;b&gt;</strong>");
    }

    @Test
    void an_unclosed_marker_is_kept_as_text() {
        assertThat(Instructions.toHtml("2 * 3 = 6")).isEqualTo("<p>2 * 3 = 6</p>\n");
    }
}
