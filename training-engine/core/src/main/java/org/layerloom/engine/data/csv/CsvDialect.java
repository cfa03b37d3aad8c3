package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a delimited file is written: its delimiter and whether fields may be quoted. Detected from the file name
 * and the first lines: the candidate (comma, semicolon, tab, bar) that splits the most lines into the same
 * number of fields, at least two, wins. Tab-separated files are read without quoting, as is usual for TSV
 * (sentences often start with a quote). Immutable; any thread.
 */
public record CsvDialect(char delimiter, boolean quoting) {

    private static final char[] CANDIDATES = {',', '\t', ';', '|'};
    private static final int SAMPLE_LINES = 50;

    /** The delimiter named by an option ("," ";" "tab" "\t" "|"), or detected when {@code option} is null. */
    public static CsvDialect choose(String option, Path file, String text) {
        if (option != null && !option.isEmpty()) {
            String o = option.toLowerCase(Locale.ROOT);
            char d = o.equals("tab") || o.equals("\\t") ? '\t' : option.charAt(0);
            return new CsvDialect(d, d != '\t');
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return new CsvDialect('\t', false);
        }
        char best = ',';
        double bestScore = -1;
        String[] lines = text.split("\r\n|\n|\r", SAMPLE_LINES + 1);
        for (char candidate : CANDIDATES) {
            double score = score(lines, candidate);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return new CsvDialect(best, best != '\t');
    }

    /** Share of the sampled lines that have the most common field count (≥ 2), weighted towards more fields. */
    private static double score(String[] lines, char delimiter) {
        java.util.Map<Integer, Integer> byCount = new java.util.HashMap<>();
        int used = 0;
        for (int i = 0; i < Math.min(lines.length, SAMPLE_LINES); i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            used++;
            int fields = 1;
            boolean quoted = false;
            for (int k = 0; k < lines[i].length(); k++) {
                char c = lines[i].charAt(k);
                if (c == '"' && delimiter != '\t') {
                    quoted = !quoted;
                } else if (c == delimiter && !quoted) {
                    fields++;
                }
            }
            if (fields >= 2) {
                byCount.merge(fields, 1, Integer::sum);
            }
        }
        if (used == 0 || byCount.isEmpty()) {
            return 0;
        }
        int mostCommon = byCount.values().stream().max(Integer::compare).orElse(0);
        return (double) mostCommon / used + 0.001 * byCount.entrySet().stream()
                .filter(e -> e.getValue() == mostCommon).mapToInt(java.util.Map.Entry::getKey).max().orElse(0);
    }

    /** "comma", "tab", ... for messages. */
    public String describe() {
        return switch (delimiter) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "bar";
            default -> "'" + delimiter + "'";
        };
    }
}
