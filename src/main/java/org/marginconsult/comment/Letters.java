package org.marginconsult.comment;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders the PDF letters (the whole comment, and the receipt) from XHTML templates with
 * openhtmltopdf. The templates escape every value, so the PDF shows exactly the stored text.
 */
@ApplicationScoped
public class Letters {

    public byte[] pdf(TemplateInstance xhtml) {
        String html = xhtml.render();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
