package org.layerloom.engine.data.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes large generated tables for tests: eight numbers, a colour and a species per row. Tests only. */
final class BigTables {

    private static final String[] COLOURS = {"red", "green", "blue", "amber", "violet"};
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

    private BigTables() {
    }

    /** Writes about {@code bytes} bytes (whole rows) to {@code file}; returns the number of data rows. */
    static int write(Path file, long bytes) throws IOException {
        Random random = new Random(11);
        int rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("a,b,c,d,e,f,g,h,colour,species\n");
            long written = 32;
            StringBuilder row = new StringBuilder(96);
            while (written < bytes) {
                row.setLength(0);
                for (int c = 0; c < 8; c++) {
                    row.append(random.nextInt(20_000) / 100.0 - 100).append(',');
                }
                row.append(COLOURS[random.nextInt(COLOURS.length)]).append(',')
                        .append(SPECIES[random.nextInt(SPECIES.length)]).append('\n');
                out.append(row);
                written += row.length();
                rows++;
            }
        }
        return rows;
    }
}
