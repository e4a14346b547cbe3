package org.marginconsult.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.marginconsult.security.CurrentUser;
import org.marginconsult.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * The navigation a reader may use, decided by role: the layout shows only links that would not
 * answer 403. Each feature adds its entry here.
 */
@RequestScoped
@Named("nav")
public class Navigation {

    /** A link and the roles that may follow it; no roles means everyone, even without login. */
    public record Link(String path, String label, Set<String> roles) {
    }

    private static final List<Link> LINKS = List.of(
            new Link("/consultations", "Consultations", Set.of()),
            new Link("/portfolios", "Portfolios", Set.of(Roles.PARTICIPANT)),
            new Link("/impact-runs", "Impact runs", Set.of(Roles.PARTICIPANT)),
            new Link("/comments", "Comments", Set.of(Roles.PARTICIPANT)),
            new Link("/verify", "Verify a submission", Set.of()),
            new Link("/review", "Review", Set.of(Roles.STAFF)),
            new Link("/admin/consultations", "Administration", Set.of(Roles.ADMIN)),
            new Link("/admin/audit", "Audit log", Set.of(Roles.ADMIN)));

    @Inject
    CurrentUser user;

    public List<Link> links() {
        return LINKS.stream()
                .filter(link -> link.roles().isEmpty() || link.roles().stream().anyMatch(user::hasRole))
                .toList();
    }
}
