package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcuts of {@link ColumnFacts} for plain numbers (no regular expression) tell the same as the number
 * styles' patterns: which styles read a value, and whether the value is a whole number in each.
 */
class ColumnFactsTest {

    @Property(tries = 3000)
    void the_shortcuts_agree_with_the_patterns(@ForAll("numberLike") String v) {
        Assume.that(!Values.isMissing(v));
        ColumnFacts facts = new ColumnFacts(true);
        facts.add(v, 1);

        boolean p = NumberStyle.PLAIN.parse(v) != null;
        boolean d = NumberStyle.DECIMAL_COMMA.parse(v) != null;
        boolean t = NumberStyle.THOUSANDS_COMMA.parse(v) != null;
        assertThat(facts.notNumber).as(v).isEqualTo(!p && !d && !t);
        if (!facts.notNumber) {
            assertThat(new boolean[] {facts.plain, facts.decimal, facts.thousands}).as(v)
                    .containsExactly(p, d, t);
        }
        for (NumberStyle style : NumberStyle.values()) {
            Double value = style.parse(v);
            boolean classes = value == null || value == Math.rint(value);
            assertThat(facts.looksLikeClasses(style)).as(v + " in " + style).isEqualTo(classes);
        }
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.strings().withChars("0123456789.,+-e").ofMinLength(1).ofMaxLength(10);
    }
}
