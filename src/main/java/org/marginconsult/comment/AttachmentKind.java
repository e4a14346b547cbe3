package org.marginconsult.comment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types a comment may attach, recognised by their content and never by their name: a file
 * called {@code data.csv} that is really a PDF is a PDF, and an executable called {@code letter.pdf} is
 * refused.
 * <ul>
 *   <li>PDF: starts with {@code %PDF-} (ISO 32000-1, 7.5.2).</li>
 *   <li>DOCX and XLSX: a ZIP archive (local file header {@code PK\3\4}) holding
 *       {@code [Content_Types].xml} and the main part, {@code word/document.xml} or
 *       {@code xl/workbook.xml} (ECMA-376 Open Packaging Conventions). Only entry names are read, never
 *       entry contents, so a compressed bomb is not expanded.</li>
 *   <li>CSV: strict UTF-8 text without control characters other than tab, CR and LF, whose first rows
 *       have the same number of comma-separated fields, at least two (RFC 4180).</li>
 * </ul>
 */
public enum AttachmentKind {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("text/csv; charset=UTF-8");

    private static final int CSV_ROWS_CHECKED = 50;
    private static final int ZIP_ENTRIES_CHECKED = 2_000;

    private final String mediaType;

    AttachmentKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** What the bytes are, if they are one of the accepted kinds. */
    public static Optional<AttachmentKind> detect(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return officeDocument(content);
        }
        return looksLikeCsv(content) ? Optional.of(CSV) : Optional.empty();
    }

    private static Optional<AttachmentKind> officeDocument(byte[] content) {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int count = 0;
            while ((entry = zip.getNextEntry()) != null && count++ < ZIP_ENTRIES_CHECKED) {
                names.add(entry.getName());
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    private static boolean looksLikeCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f) {
                return false;
            }
        }
        int expected = -1;
        int rows = 0;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            int fields = fieldCount(line);
            if (fields < 0) {
                return false;
            }
            if (expected < 0) {
                expected = fields;
            } else if (fields != expected) {
                return false;
            }
            if (++rows >= CSV_ROWS_CHECKED) {
                break;
            }
        }
        return expected >= 2;
    }

    /** Fields in one physical line, honouring quotes; -1 if a quote is left open (checked rows only). */
    private static int fieldCount(String line) {
        int fields = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields++;
            }
        }
        return quoted ? -1 : fields;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
