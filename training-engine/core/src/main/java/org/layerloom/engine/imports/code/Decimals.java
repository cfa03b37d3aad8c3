package org.layerloom.engine.imports.code;

import java.math.BigDecimal;

/** Decimal arithmetic on settings so that 1 − 0.99 is 0.01, not 0.010000000000000009. Stateless. */
final class Decimals {

    private Decimals() {
    }

    static double oneMinus(double value) {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(value)).doubleValue();
    }

    /** A number as Python would print it: 3 for 3.0, 0.001 for 1.0E-3. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().length() <= 12
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }
}
