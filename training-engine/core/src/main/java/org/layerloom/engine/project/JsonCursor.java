package org.layerloom.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A place in a parsed project file: the JSON value there (absent when the file leaves it out) and its
 * path, such as {@code $.graph.nodes[2].params.units}. Its typed reads either return a value or throw a
 * {@link ProjectFileException} that names the path, what was expected and what was found. Immutable;
 * any thread.
 */
final class JsonCursor {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final String path;
    private final String key;
    private final JsonNode node;

    private JsonCursor(String source, String path, String key, JsonNode node) {
        this.source = source;
        this.path = path;
        this.key = key;
        this.node = node;
    }

    /** The whole document of {@code source}. */
    static JsonCursor root(JsonNode node, String source) {
        return new JsonCursor(source, "$", "", node);
    }

    /** {@code $.a.b} for a plain key, {@code $.a['my key']} for any other. */
    static String childPath(String parent, String key) {
        return PLAIN_KEY.matcher(key).matches() ? parent + "." + key
                : parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    String path() {
        return path;
    }

    String source() {
        return source;
    }

    boolean isPresent() {
        return node != null;
    }

    /** The JSON value here, or null when absent. */
    JsonNode node() {
        return node;
    }

    /** The member {@code name} of this object (absent if this is absent or has no such member). */
    JsonCursor field(String name) {
        JsonNode child = node == null ? null : node.get(name);
        return new JsonCursor(source, childPath(path, name), name, child);
    }

    ProjectFileException fail(String problem) {
        return new ProjectFileException(source, path, problem);
    }

    /** This cursor, or an error saying the entry is missing followed by {@code why}. */
    JsonCursor required(String why) throws ProjectFileException {
        if (node == null) {
            throw fail("the entry \"" + key + "\" is missing. " + why);
        }
        return this;
    }

    JsonCursor object(String advice) throws ProjectFileException {
        return expect(node != null && node.isObject(), "an object { ... }", advice);
    }

    JsonCursor array(String advice) throws ProjectFileException {
        return expect(node != null && node.isArray(), "a list [ ... ]", advice);
    }

    /** The number of members or elements. */
    int size() {
        return node == null ? 0 : node.size();
    }

    /** The elements of this list, each with its path. */
    List<JsonCursor> elements() {
        List<JsonCursor> result = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            result.add(new JsonCursor(source, path + "[" + i + "]", key + "[" + i + "]", node.get(i)));
        }
        return result;
    }

    /** The members of this object in file order, each with its path. */
    List<JsonCursor> members() {
        List<JsonCursor> result = new ArrayList<>(size());
        if (node != null) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                result.add(field(names.next()));
            }
        }
        return result;
    }

    /** The key of this member in its object. */
    String key() {
        return key;
    }

    /** Refuses members other than {@code known}, naming the nearest known one. */
    void allowOnly(List<String> known, String where) throws ProjectFileException {
        for (JsonCursor member : members()) {
            if (!known.contains(member.key)) {
                throw member.fail(Words.quoted(member.key) + " is not something LayerLoom knows in " + where + "."
                        + Words.didYouMean(member.key, known) + " The entries there are " + Words.quotedList(known)
                        + "; remove or rename this one.");
            }
        }
    }

    String text(String advice) throws ProjectFileException {
        expect(node != null && node.isTextual(), "text in double quotes", advice);
        return node.textValue();
    }

    boolean flag(String advice) throws ProjectFileException {
        expect(node != null && node.isBoolean(), "true or false", advice);
        return node.booleanValue();
    }

    /** A finite number; whole numbers are numbers too. */
    double number(String advice) throws ProjectFileException {
        expect(node != null && node.isNumber(), "a number", advice);
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw fail(node.asText() + " is far too large for a number LayerLoom can store." + suffix(advice));
        }
        return value;
    }

    int wholeInt(String advice) throws ProjectFileException {
        expectWhole(advice);
        if (!node.canConvertToInt()) {
            throw outOfRange(Integer.MIN_VALUE, Integer.MAX_VALUE, advice);
        }
        return node.intValue();
    }

    long wholeLong(String advice) throws ProjectFileException {
        expectWhole(advice);
        if (!node.canConvertToLong()) {
            throw outOfRange(Long.MIN_VALUE, Long.MAX_VALUE, advice);
        }
        return node.longValue();
    }

    private void expectWhole(String advice) throws ProjectFileException {
        expect(node != null && node.isIntegralNumber(), "a whole number", advice);
    }

    private ProjectFileException outOfRange(long min, long max, String advice) {
        boolean positive = node.bigIntegerValue().signum() > 0;
        return fail(node.asText() + (positive ? " is far too large (at most " + Words.whole(max) + ")."
                : " is far too small (at least " + Words.whole(min) + ").") + suffix(advice));
    }

    private JsonCursor expect(boolean ok, String expected, String advice) throws ProjectFileException {
        if (!ok) {
            throw fail("expected " + expected + " but found " + describe(node) + "." + suffix(advice));
        }
        return this;
    }

    private static String suffix(String advice) {
        return advice == null || advice.isEmpty() ? "" : " " + advice;
    }

    /** What a student would call this value: "the text "abc"", "a list [ ... ]". */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "the text " + Words.quoted(value.textValue());
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object { ... }";
        }
        if (value.isArray()) {
            return "a list [ ... ]";
        }
        return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
