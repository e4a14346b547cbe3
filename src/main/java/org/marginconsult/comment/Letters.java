package org.marginconsult.comment;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders the PDF letters (the whole comment, and the receipt) from XHTML templates with
 * openhtmltopdf; inline SVG charts are drawn by its Batik support (scripts and external
 * resources refused). The templates escape every value, so the PDF shows exactly the stored text.
 */
@ApplicationScoped
public class Letters {

    public byte[] pdf(TemplateInstance xhtml) {
        String html = xhtml.render();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // the impact charts are inline SVG (FiledCharts); without a drawer they would be left blank
            builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                    BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            builder.withHtmlContent(html, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
