package org.layerloom.app.imports;

/**
 * One thing an import could not take: where it is ("line 3, column 5" in pasted code, or the layer of a file),
 * what is wrong and what to do instead; {@code line} and {@code column} are 1-based for code and 0 otherwise,
 * so the paste dialog can put the cursor there. Immutable.
 */
public record ImportIssue(String where, String message, String suggestion, int line, int column) {

    /** An issue in pasted code at {@code line}, {@code column}. */
    public static ImportIssue inCode(int line, int column, String message, String suggestion) {
        return new ImportIssue("line " + line + ", column " + column, message, suggestion, line, column);
    }

    /** An issue with a part of a file, such as a layer. */
    public static ImportIssue inFile(String where, String message, String suggestion) {
        return new ImportIssue(where, message, suggestion, 0, 0);
    }

    /** Whether it points at a place in pasted code. */
    public boolean hasPosition() {
        return line > 0;
    }

    /** One line: "line 3, column 5: message Suggestion." */
    public String describe() {
        return where + ": " + message + (suggestion.isEmpty() ? "" : " " + suggestion);
    }
}
