package org.marginconsult.portfolio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves an upload's body to a temporary file before it is read, counting bytes as they arrive and
 * refusing (413) the moment the size limit is passed. Reading from disk keeps the database
 * transaction as short as the parsing, whatever the client's network speed (see
 * docs/decisions/0202-portfolio-upload-spooled-to-disk.md).
 */
@ApplicationScoped
public class UploadSpool {

    @Inject
    PortfolioConfig config;

    /** A saved body, deleted when closed. */
    public record Spooled(PortfolioService.UploadFile file) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Saves a raw request body (text/csv, XLSX or JSON).
     *
     * @throws UploadRejectedException (413) when the body is larger than the limit
     */
    public Spooled fromBody(InputStream body, PortfolioService.UploadFormat format, String filename) {
        long limit = config.maxUploadSize().asLongValue();
        Path file = null;
        try {
            file = Files.createTempFile("portfolio-upload-", "." + format.name().toLowerCase(java.util.Locale.ROOT));
            try (OutputStream out = Files.newOutputStream(file)) {
                new LimitedInputStream(body, limit).transferTo(out);
            }
            return new Spooled(new PortfolioService.UploadFile(file, format, filename));
        } catch (UploadTooLargeException e) {
            deleteQuietly(file);
            throw tooLarge(limit);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file part of a multipart upload (already saved by the HTTP layer), with its format told by
     * its first bytes rather than by its name.
     *
     * @return null when the form has no file
     * @throws UploadRejectedException (413) when the file is larger than the limit, (422) when it is JSON:
     *                                 a form upload's metadata is in its fields, a JSON upload's in the document
     */
    public PortfolioService.UploadFile fromForm(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null || (upload.size() == 0 && blank(upload.fileName()))) {
            return null;
        }
        long limit = config.maxUploadSize().asLongValue();
        if (upload.size() > limit) {
            throw tooLarge(limit);
        }
        Path path = upload.uploadedFile();
        PortfolioService.UploadFormat format = sniff(path);
        if (format == PortfolioService.UploadFormat.JSON) {
            throw new UploadRejectedException(List.of(new UploadError(null, "file", "This file is JSON: the form takes"
                    + " CSV or XLSX. Send JSON to POST /api/v1/portfolios with Content-Type application/json.",
                    ErrorKind.UNREADABLE_FILE)), 1, false);
        }
        return new PortfolioService.UploadFile(path, format, upload.fileName());
    }

    /**
     * Ends the connection once the current response is sent. A client that sends a body of unknown
     * length past the limit would otherwise keep sending it, and the server keep reading it, forever.
     */
    static void closeConnectionAfterResponse(io.vertx.ext.web.RoutingContext routing) {
        routing.response().putHeader("Connection", "close");
        if (routing.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            routing.addEndHandler(done -> routing.request().connection().close());
        }
    }

    static UploadRejectedException tooLarge(long limit) {
        return new UploadRejectedException(List.of(UploadError.ofFile(ErrorKind.FILE_TOO_LARGE,
                Limits.tooLargeMessage(limit))), 1, true);
    }

    /** XLSX (and old .xls) by their signatures, JSON by its first character, CSV otherwise. */
    static PortfolioService.UploadFormat sniff(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(512);
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return PortfolioService.UploadFormat.XLSX;
            }
            if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                    && (head[3] & 0xFF) == 0xE0) {
                return PortfolioService.UploadFormat.XLSX;
            }
            for (byte b : head) {
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    continue;
                }
                if (b == '{' || b == '[') {
                    return PortfolioService.UploadFormat.JSON;
                }
                break;
            }
            return PortfolioService.UploadFormat.CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the OS cleans its temp directory.
            }
        }
    }
}
