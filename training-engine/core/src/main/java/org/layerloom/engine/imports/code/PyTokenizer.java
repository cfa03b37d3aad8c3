package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits pasted Python into tokens: names, numbers, strings, operators and logical line ends. Brackets
 * join lines as in Python; a statement that starts indented gives an {@code INDENT} token so the parser
 * can name the block it belongs to. Characters Python does not allow become problems, never exceptions.
 * One instance per text; not thread-safe.
 */
final class PyTokenizer {

    private static final String THREE_CHAR_OPS = "**=//=>>=<<=...";
    private static final String TWO_CHAR_OPS = "**//==!=<=>=->+=-=*=/=%=&=|=^=>><<:=";
    private static final String ONE_CHAR_OPS = "()[]{},:.;=+-*/%@<>&|^~!";

    /** Marks the text of an f-string token, whose value is only known when Python runs. */
    static final String FORMATTED = "\u0000f";

    private final String text;
    private final List<PyToken> tokens = new ArrayList<>();
    private final List<CodeProblem> problems = new ArrayList<>();
    private int at;
    private int line = 1;
    private int lineStart;
    private int depth;

    PyTokenizer(String text) {
        this.text = text.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
    }

    /** The tokens, ending with {@code END}. */
    List<PyToken> tokens() {
        boolean atLineStart = true;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (atLineStart && depth == 0) {
                atLineStart = false;
                if (lineIsBlank()) {
                    skipLine();
                    atLineStart = true;
                    continue;
                }
                if (c == ' ') {
                    skipSpaces();
                    tokens.add(new PyToken(PyToken.Type.INDENT, "", pos()));
                    continue;
                }
            }
            if (c == ' ') {
                at++;
            } else if (c == '#') {
                while (at < text.length() && text.charAt(at) != '\n') {
                    at++;
                }
            } else if (c == '\n') {
                if (depth == 0 && lastIsNotNewline()) {
                    tokens.add(new PyToken(PyToken.Type.NEWLINE, "", pos()));
                }
                newLine();
                atLineStart = depth == 0;
            } else if (c == '\\' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
                at++;
                newLine();
            } else if (Character.isLetter(c) || c == '_') {
                readNameOrString();
            } else if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
                readNumber();
            } else if (c == '"' || c == '\'') {
                readString(pos(), at);
            } else {
                readOperator(c);
            }
        }
        if (lastIsNotNewline()) {
            tokens.add(new PyToken(PyToken.Type.NEWLINE, "", pos()));
        }
        tokens.add(new PyToken(PyToken.Type.END, "", pos()));
        return tokens;
    }

    List<CodeProblem> problems() {
        return problems;
    }

    private boolean lineIsBlank() {
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '#';
    }

    private void skipLine() {
        while (at < text.length() && text.charAt(at) != '\n') {
            at++;
        }
        if (at < text.length()) {
            newLine();
        }
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    private void newLine() {
        at++;
        line++;
        lineStart = at;
    }

    private boolean lastIsNotNewline() {
        return !tokens.isEmpty() && tokens.get(tokens.size() - 1).type() != PyToken.Type.NEWLINE;
    }

    private SourcePos pos() {
        return new SourcePos(line, at - lineStart + 1);
    }

    private void readNameOrString() {
        SourcePos start = pos();
        int begin = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String word = text.substring(begin, at);
        if (at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\'') && word.length() <= 2
                && word.toLowerCase(java.util.Locale.ROOT).matches("[rbuf]{1,2}")) {
            readString(start, at);
            if (word.toLowerCase(java.util.Locale.ROOT).contains("f")) {
                PyToken last = tokens.remove(tokens.size() - 1);
                tokens.add(new PyToken(PyToken.Type.STRING, FORMATTED + last.text(), start));
            }
            return;
        }
        tokens.add(new PyToken(PyToken.Type.NAME, word, start));
    }

    private void readNumber() {
        SourcePos start = pos();
        int begin = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            boolean exponentSign = (c == '+' || c == '-') && at > begin
                    && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E') && !isHex(begin);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                at++;
            } else {
                break;
            }
        }
        tokens.add(new PyToken(PyToken.Type.NUMBER, text.substring(begin, at).replace("_", ""), start));
    }

    private boolean isHex(int begin) {
        return at - begin >= 2 && (text.charAt(begin + 1) == 'x' || text.charAt(begin + 1) == 'X');
    }

    private void readString(SourcePos start, int quoteAt) {
        char quote = text.charAt(quoteAt);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), quoteAt);
        String end = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        at = quoteAt + end.length();
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            if (text.startsWith(end, at)) {
                at += end.length();
                tokens.add(new PyToken(PyToken.Type.STRING, value.toString(), start));
                return;
            }
            char c = text.charAt(at);
            if (c == '\n') {
                if (!triple) {
                    break;
                }
                value.append(c);
                newLine();
                continue;
            }
            if (c == '\\' && at + 1 < text.length()) {
                value.append(text.charAt(at + 1));
                at += 2;
                continue;
            }
            value.append(c);
            at++;
        }
        problems.add(CodeProblem.at(start, "This string is never closed.", "End it with " + end + " on the same line."));
        tokens.add(new PyToken(PyToken.Type.STRING, value.toString(), start));
    }

    private void readOperator(char c) {
        SourcePos start = pos();
        for (String op : List.of(THREE_CHAR_OPS.substring(0, 3), THREE_CHAR_OPS.substring(3, 6),
                THREE_CHAR_OPS.substring(6, 9), THREE_CHAR_OPS.substring(9, 12), THREE_CHAR_OPS.substring(12))) {
            if (text.startsWith(op, at)) {
                at += 3;
                tokens.add(new PyToken(PyToken.Type.OP, op, start));
                return;
            }
        }
        for (int i = 0; i < TWO_CHAR_OPS.length(); i += 2) {
            String op = TWO_CHAR_OPS.substring(i, i + 2);
            if (text.startsWith(op, at)) {
                at += 2;
                tokens.add(new PyToken(PyToken.Type.OP, op, start));
                return;
            }
        }
        if (ONE_CHAR_OPS.indexOf(c) >= 0) {
            at++;
            if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            tokens.add(new PyToken(PyToken.Type.OP, String.valueOf(c), start));
            return;
        }
        problems.add(CodeProblem.at(start, "The character '" + c + "' is not part of Python code.",
                "Delete it, or paste the code again from the original file."));
        at++;
    }
}
