package org.layerloom.engine.assignment;

import java.util.ArrayList;
import java.util.List;

/**
 * The small, safe Markdown subset of an assignment's instructions: {@code # heading} lines, paragraphs
 * separated by blank lines, {@code - item} lists, and inside them {@code **bold**}, {@code *italic*} and
 * {@code `code`}. Nothing else is markup: no links, pictures or HTML, so instructions can never reach the
 * network or run script. Stateless; any thread.
 */
public final class Instructions {

    /** A piece of text with one style. */
    public record Span(String text, Style style) {
    }

    /** How a span is written. */
    public enum Style { PLAIN, BOLD, ITALIC, CODE }

    /** One block of the instructions. */
    public sealed interface Block {
    }

    /** A heading line. */
    public record Heading(List<Span> spans) implements Block {
    }

    /** A paragraph. */
    public record Paragraph(List<Span> spans) implements Block {
    }

    /** A list of items, each a line of spans. */
    public record Bullets(List<List<Span>> items) implements Block {
    }

    private Instructions() {
    }

    /** The blocks of {@code text}. */
    public static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        List<List<Span>> bullets = new ArrayList<>();
        for (String raw : text.replace("\r", "").split("\n", -1)) {
            String line = raw.strip();
            boolean bullet = line.startsWith("- ") || line.startsWith("* ");
            if (line.isEmpty() || line.startsWith("#") || bullet) {
                flushParagraph(paragraph, blocks);
            }
            if (!bullet && !bullets.isEmpty()) {
                blocks.add(new Bullets(List.copyOf(bullets)));
                bullets.clear();
            }
            if (line.startsWith("#")) {
                blocks.add(new Heading(spans(line.replaceFirst("^#+\\s*", ""))));
            } else if (bullet) {
                bullets.add(spans(line.substring(2).strip()));
            } else if (!line.isEmpty()) {
                paragraph.add(line);
            }
        }
        flushParagraph(paragraph, blocks);
        if (!bullets.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(bullets)));
        }
        return List.copyOf(blocks);
    }

    private static void flushParagraph(List<String> lines, List<Block> blocks) {
        if (!lines.isEmpty()) {
            blocks.add(new Paragraph(spans(String.join(" ", lines))));
            lines.clear();
        }
    }

    /** The styled spans of one line; an unclosed marker stays plain text. */
    public static List<Span> spans(String line) {
        List<Span> result = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            String marker = line.startsWith("**", i) ? "**" : line.charAt(i) == '*' ? "*"
                    : line.charAt(i) == '`' ? "`" : null;
            int end = marker == null ? -1 : line.indexOf(marker, i + marker.length());
            if (marker != null && end > i + marker.length()) {
                if (plain.length() > 0) {
                    result.add(new Span(plain.toString(), Style.PLAIN));
                    plain.setLength(0);
                }
                Style style = marker.equals("**") ? Style.BOLD : marker.equals("*") ? Style.ITALIC : Style.CODE;
                result.add(new Span(line.substring(i + marker.length(), end), style));
                i = end + marker.length();
            } else {
                plain.append(line.charAt(i));
                i++;
            }
        }
        if (plain.length() > 0) {
            result.add(new Span(plain.toString(), Style.PLAIN));
        }
        return List.copyOf(result);
    }

    /** {@code text} as HTML with every character escaped and only the subset's tags. */
    public static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (Block block : parse(text)) {
            if (block instanceof Heading h) {
                html.append("<h3>").append(spansHtml(h.spans())).append("</h3>\n");
            } else if (block instanceof Paragraph p) {
                html.append("<p>").append(spansHtml(p.spans())).append("</p>\n");
            } else if (block instanceof Bullets b) {
                html.append("<ul>");
                for (List<Span> item : b.items()) {
                    html.append("<li>").append(spansHtml(item)).append("</li>");
                }
                html.append("</ul>\n");
            }
        }
        return html.toString();
    }

    private static String spansHtml(List<Span> spans) {
        StringBuilder html = new StringBuilder();
        for (Span span : spans) {
            String text = escape(span.text());
            html.append(switch (span.style()) {
                case PLAIN -> text;
                case BOLD -> "<strong>" + text + "</strong>";
                case ITALIC -> "<em>" + text + "</em>";
                case CODE -> "<code>" + text + "</code>";
            });
        }
        return html.toString();
    }

    /** {@code text} safe inside HTML text and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
