package org.marginconsult.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a commenter typed into safe HTML: first every character is escaped, then the few
 * structures plain text can express are formatted. Blank lines separate paragraphs; lines starting
 * with {@code - } or {@code * } make a bulleted list, lines starting with {@code 1. } or {@code 1) } a
 * numbered list; other line breaks inside a paragraph are kept. Nothing the commenter types can become
 * markup, because formatting only ever adds tags around text that is already escaped.
 */
public final class PlainText {

    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+(.*)$");

    private PlainText() {
    }

    public static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
            formatBlock(block.strip(), html);
        }
        return html.toString();
    }

    private static void formatBlock(String block, StringBuilder html) {
        List<String> paragraph = new ArrayList<>();
        String listTag = null;
        for (String line : block.split("\n")) {
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String tag = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
            if (tag == null) {
                if (listTag != null) {
                    html.append("</").append(listTag).append('>');
                    listTag = null;
                }
                paragraph.add(escape(line.strip()));
                continue;
            }
            flush(paragraph, html);
            if (!tag.equals(listTag)) {
                if (listTag != null) {
                    html.append("</").append(listTag).append('>');
                }
                html.append('<').append(tag).append('>');
                listTag = tag;
            }
            String item = tag.equals("ul") ? bullet.group(1) : numbered.group(1);
            html.append("<li>").append(escape(item.strip())).append("</li>");
        }
        flush(paragraph, html);
        if (listTag != null) {
            html.append("</").append(listTag).append('>');
        }
    }

    private static void flush(List<String> paragraph, StringBuilder html) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(String.join("<br/>", paragraph)).append("</p>");
            paragraph.clear();
        }
    }

    /** HTML and XML escaping of text content and attribute values. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XHTML (the PDF letter is rendered from it).
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
