package org.marginconsult.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** "Who am I": the signed-in user's name, roles and firm, and what each role lets them do. */
@Path("/me")
@Authenticated
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(String username, List<String> roles, String firm, boolean missingFirm);
    }

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance me() {
        boolean missingFirm = user.hasRole(Roles.PARTICIPANT) && user.firm().isEmpty();
        return Templates.me(user.username(), user.roles(), user.firm().orElse(null), missingFirm);
    }
}
