package org.layerloom.engine.project;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Jackson's syntax error messages into sentences a student can act on. Stateless; any thread. */
final class SyntaxErrors {

    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");

    private SyntaxErrors() {
    }

    static String explain(String jacksonMessage) {
        String m = jacksonMessage;
        Matcher token = TOKEN.matcher(m);
        if (token.find()) {
            String word = token.group(1);
            if (word.matches("[+-]?(NaN|Infinity|INF)")) {
                return word + " is not a number a project file can hold. Use an ordinary number such as 0.001.";
            }
            return "'" + word + "' is not something JSON understands. Text must be between double quotes, like"
                    + " \"relu\"; the only bare words are true, false and null.";
        }
        if (m.contains("comma to separate Object entries")) {
            return "a comma is missing between two entries of an object { }. Put a comma after the entry before"
                    + " this point.";
        }
        if (m.contains("comma to separate Array entries")) {
            return "a comma is missing between two items of a list [ ]. Put a comma after the item before this point.";
        }
        if (m.contains("colon to separate field name and value")) {
            return "a colon is missing between a name and its value, as in \"units\" : 64.";
        }
        if (m.contains("double-quote to start field name")) {
            return "a name in double quotes was expected here, like \"units\". Check that names are in double"
                    + " quotes and that there is no comma just before a closing brace }.";
        }
        if (m.contains("Unexpected close marker")) {
            return "this closing bracket does not match the one it should close. Every { needs a } and every [ a ].";
        }
        if (m.contains("Illegal unquoted character")) {
            return "a text value contains a line break or another control character. Text must stay on one line"
                    + " between double quotes; write a line break as \\n.";
        }
        if (m.contains("character escape")) {
            return "a backslash \\ in a text starts an escape JSON does not know. Write a backslash as \\\\.";
        }
        if (m.contains("Leading zeroes")) {
            return "a number starts with 0, which JSON does not allow. Write 7 rather than 007.";
        }
        if (m.contains("comment")) {
            return "project files cannot contain comments. Delete the comment.";
        }
        if (m.contains("Number value length")) {
            return "a number here is more than 1,000 digits long; no setting of a project needs such a number.";
        }
        Matcher unexpected = UNEXPECTED.matcher(m);
        if (unexpected.find()) {
            String character = unexpected.group(1);
            if (character.equals("'")) {
                return "text must be between double quotes \", not single quotes '.";
            }
            if (m.contains("expected a valid value")) {
                return "a value was expected here, but there is '" + character + "'. Check for a stray comma or"
                        + " character; a value is a number, text in double quotes, true, false, null, a list [ ] or"
                        + " an object { }.";
            }
            return "'" + character + "' is not expected here. Check for a missing comma, quote or bracket just"
                    + " before it.";
        }
        return "the text here is not valid JSON, so LayerLoom cannot read the project. Check this spot for a"
                + " missing comma, quote or bracket.";
    }
}
