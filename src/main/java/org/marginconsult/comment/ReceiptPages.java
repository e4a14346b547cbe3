package org.marginconsult.comment;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/**
 * Receipts of filed comments: the receipt page, both versions, the PDF letters, the filed files, and
 * what may follow a filing (a supplement, a withdrawal request), shown as one thread.
 */
@Path("/receipts/{trackingNumber}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReceiptPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance receipt(SubmissionService.ReceiptView view, String notice, String error);

        static native TemplateInstance version(SubmissionService.ReceiptView view, Filing filing);

        static native TemplateInstance letter(Filing filing, SubmissionService.ReceiptView view);

        static native TemplateInstance receiptLetter(SubmissionService.ReceiptView view);
    }

    @Inject
    SubmissionService submissions;

    @Inject
    Letters letters;

    @GET
    public TemplateInstance receipt(@PathParam("trackingNumber") String trackingNumber, @QueryParam("requested") String requested) {
        return Templates.receipt(submissions.receipt(trackingNumber),
                requested != null ? "Your withdrawal request was recorded; agency staff decide on it." : null, null);
    }

    @GET
    @Path("/full")
    public TemplateInstance full(@PathParam("trackingNumber") String trackingNumber) {
        SubmissionService.ReceiptView view = submissions.receipt(trackingNumber);
        return Templates.version(view, view.full());
    }

    @GET
    @Path("/public")
    public TemplateInstance publicVersion(@PathParam("trackingNumber") String trackingNumber) {
        SubmissionService.ReceiptView view = submissions.receipt(trackingNumber);
        return Templates.version(view, view.publicVersion());
    }

    @GET
    @Path("/comment.pdf")
    @Produces("application/pdf")
    public Response commentPdf(@PathParam("trackingNumber") String trackingNumber, @QueryParam("edition") String edition) {
        SubmissionService.ReceiptView view = submissions.receipt(trackingNumber);
        Filing filing = "public".equalsIgnoreCase(edition) ? view.publicVersion() : view.full();
        return pdf(letters.pdf(Templates.letter(filing, view)),
                view.submission().trackingNumber + ("public".equalsIgnoreCase(edition) ? "-public" : "-full") + ".pdf");
    }

    @GET
    @Path("/receipt.pdf")
    @Produces("application/pdf")
    public Response receiptPdf(@PathParam("trackingNumber") String trackingNumber) {
        SubmissionService.ReceiptView view = submissions.receipt(trackingNumber);
        return pdf(letters.pdf(Templates.receiptLetter(view)), view.submission().trackingNumber + "-receipt.pdf");
    }

    private static Response pdf(byte[] bytes, String name) {
        return Response.ok(bytes, "application/pdf").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("/attachments/{position}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("trackingNumber") String trackingNumber, @PathParam("position") int position) {
        return CommentPages.download(submissions.filedAttachment(trackingNumber, position));
    }

    @POST
    @Path("/supplement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response supplement(@PathParam("trackingNumber") String trackingNumber) {
        CommentDraft draft = submissions.startSupplement(trackingNumber);
        return Response.seeOther(URI.create("/comments/" + draft.id)).build();
    }

    @POST
    @Path("/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawal(@PathParam("trackingNumber") String trackingNumber, @RestForm String reason) {
        try {
            submissions.requestWithdrawal(trackingNumber, reason);
        } catch (CommentInputException e) {
            return Response.status(400).entity(Templates.receipt(submissions.receipt(trackingNumber), null, e.getMessage()))
                    .build();
        }
        return Response.seeOther(URI.create("/receipts/" + submissions.receipt(trackingNumber).submission().trackingNumber
                + "?requested")).build();
    }
}
