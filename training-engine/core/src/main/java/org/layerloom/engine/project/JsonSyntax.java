package org.layerloom.engine.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Parses the text of a project file into a JSON tree, turning every syntax error into a
 * {@link ProjectFileException} at {@code line L, column C} with a sentence a student understands.
 * Refuses nesting deeper than {@link #MAX_DEPTH}, duplicate keys, NaN/Infinity and anything after the
 * project. Stateless; any thread.
 */
final class JsonSyntax {

    /** No project nests lists and objects more than 6 deep; 64 leaves room and stops hostile files. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private JsonSyntax() {
    }

    /** The project object in {@code text} (a leading byte-order mark is ignored). */
    static ObjectNode parse(String text, String source) throws ProjectFileException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            throw new ProjectFileException(source, "", "the file is empty, so there is no project in it. It may have"
                    + " been cut off while saving; if you have a copy, open that instead.");
        }
        if (body.length() > ProjectText.MAX_BYTES) {
            throw ProjectText.tooLarge(body.length(), source);
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(body)) {
            root = readValue(parser, source, body.stripTrailing().length());
            checkNothingFollows(parser, source);
        } catch (IOException e) {
            // Only close() is left to fail here, and parsing a String never does.
            throw new ProjectFileException(source, "", "the file could not be read (" + e.getMessage() + ").", e);
        }
        if (!root.isObject()) {
            throw new ProjectFileException(source, "", "the file holds " + JsonCursor.describe(root) + ", not a"
                    + " LayerLoom project. A project is an object that starts with {.");
        }
        return (ObjectNode) root;
    }

    private static JsonNode readValue(JsonParser parser, String source, int length) throws ProjectFileException {
        try {
            parser.nextToken();
            return MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw explain(e, parser, source, length);
        } catch (IOException e) {
            throw new ProjectFileException(source, "", "the file could not be read (" + e.getMessage() + ").", e);
        }
    }

    private static void checkNothingFollows(JsonParser parser, String source) throws ProjectFileException {
        JsonLocation where;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            where = parser.currentTokenLocation();
        } catch (IOException e) {
            where = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? p.getLocation() : parser.currentLocation();
        }
        throw new ProjectFileException(source, lineAndColumn(where), "there is more text after the end of the"
                + " project. Delete everything after the project's last closing brace }.");
    }

    /** {@code length}: of the text without trailing blanks, to tell a cut-off file from other mistakes. */
    private static ProjectFileException explain(JsonProcessingException e, JsonParser parser, String source,
                                                int length) {
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        boolean atEnd = where != null && where.getCharOffset() >= length;
        if (e instanceof JsonEOFException || message.contains("end-of-input") || atEnd) {
            return new ProjectFileException(source, lineAndColumn(where), "the file ends in the middle of the project;"
                    + " it may have been cut off while saving. If you have a copy, open that instead.", e);
        }
        if (e instanceof StreamConstraintsException && message.contains("nesting depth")) {
            return new ProjectFileException(source, lineAndColumn(where), "the file is nested more than " + MAX_DEPTH
                    + " levels deep (lists and objects inside each other); a LayerLoom project never is. Is this"
                    + " really a .loom project?", e);
        }
        if (message.startsWith("Duplicate field")) {
            return new ProjectFileException(source, path(parser.getParsingContext()), "this entry appears twice in the"
                    + " same object, so LayerLoom cannot tell which one to use. Keep one and delete the other.", e);
        }
        return new ProjectFileException(source, lineAndColumn(where), SyntaxErrors.explain(message), e);
    }

    /** {@code line 14, column 3}. */
    static String lineAndColumn(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + Math.max(1, location.getColumnNr());
    }

    /** The JSON path of the member or element the parser is at, such as {@code $.graph.nodes[0].name}. */
    private static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = "$";
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path += "[" + Math.max(0, c.getCurrentIndex()) + "]";
            } else if (c.getCurrentName() != null) {
                path = JsonCursor.childPath(path, c.getCurrentName());
            }
        }
        return path;
    }
}
