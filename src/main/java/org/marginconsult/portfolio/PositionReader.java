package org.marginconsult.portfolio;

import org.marginconsult.margin.reference.ReferenceData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads an uploaded portfolio, streaming, in any of the accepted formats (CSV, XLSX, JSON), checks
 * every row against the engine's position contract plus the upload's own rules, and hands the valid
 * positions to a {@link PositionSink} until the first error. Every error is reported with its line
 * and column, all at once: the reader does not stop at the first one (only at the size or row limit).
 *
 * <p>The file formats are documented in docs/portfolio-format.md, with an example message for every
 * {@link ErrorKind}.
 */
public final class PositionReader {

    private final ReferenceData reference;

    /**
     * @param reference the underlyings known to the engine; others are reported as warnings
     */
    public PositionReader(ReferenceData reference) {
        this.reference = reference;
    }

    /**
     * Reads a CSV file (RFC 4180, UTF-8 with or without BOM, header row, comma).
     *
     * @param in    the file's bytes, read once, not closed
     * @param rules as-of date and limits
     * @param sink  receives the valid positions until the first error
     */
    public ReadResult csv(InputStream in, ReadRules rules, PositionSink sink) throws IOException {
        return new CsvPositions(new PositionRows(reference, rules, sink, false)).read(in);
    }

    /**
     * Reads an XLSX workbook: the sheet named {@code positions}, or else the first sheet.
     *
     * @param file  the saved upload
     * @param rules as-of date and limits
     * @param sink  receives the valid positions until the first error
     */
    public ReadResult xlsx(Path file, ReadRules rules, PositionSink sink) throws IOException {
        return new XlsxPositions(new PositionRows(reference, rules, sink, false)).read(file);
    }

    /**
     * Reads the metadata of a JSON upload (first pass; the positions are skipped).
     *
     * @param file the saved upload
     * @return the metadata as typed, and errors in the document's shape (syntax, unknown fields)
     */
    public JsonMetadata jsonMetadata(Path file) throws IOException {
        JsonPositions.Metadata m = JsonPositions.metadata(file);
        return new JsonMetadata(m.input(), m.errors());
    }

    /**
     * Reads the positions of a JSON upload (second pass).
     *
     * @param file  the saved upload
     * @param rules as-of date and limits
     * @param sink  receives the valid positions until the first error
     */
    public ReadResult json(Path file, ReadRules rules, PositionSink sink) throws IOException {
        return JsonPositions.positions(file, new PositionRows(reference, rules, sink, true));
    }

    /**
     * The metadata part of a JSON upload.
     *
     * @param input  the values as typed
     * @param errors problems with the document itself (syntax errors, unknown fields, wrong types)
     */
    public record JsonMetadata(MetadataInput input, java.util.List<UploadError> errors) {
    }
}
