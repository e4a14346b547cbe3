package org.marginconsult.comment;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * "Verify a submission", open to anyone: a tracking number and a SHA-256 either match a stored filing
 * (its full version, public version or one attachment) or do not. Nothing else is revealed. A GET
 * form, since checking changes nothing.
 */
@Path("/verify")
@Produces(MediaType.TEXT_HTML)
public class VerifyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(String trackingNumber, String sha256, SubmissionService.Verification result);
    }

    @Inject
    SubmissionService submissions;

    @GET
    public TemplateInstance verify(@QueryParam("trackingNumber") String trackingNumber, @QueryParam("sha256") String sha256) {
        boolean asked = trackingNumber != null || sha256 != null;
        return Templates.verify(trackingNumber == null ? "" : trackingNumber, sha256 == null ? "" : sha256,
                asked ? submissions.verify(trackingNumber, sha256) : null);
    }
}
