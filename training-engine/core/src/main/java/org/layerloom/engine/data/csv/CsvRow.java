package org.layerloom.engine.data.csv;

import java.util.List;

/** One record of a delimited text file and the line (from 1) it starts on. Immutable; any thread. */
public record CsvRow(long line, List<String> fields) {

    public CsvRow {
        fields = List.copyOf(fields);
    }

    public int size() {
        return fields.size();
    }

    public String get(int column) {
        return fields.get(column);
    }
}
