package org.marginconsult.consultation.reminder;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.marginconsult.security.CurrentUser;
import org.marginconsult.security.Roles;

/**
 * Notes each authenticated participant who uses the application (pages or API) in {@code known_user},
 * so that deadline reminders can reach them. Never fails the request it observes.
 */
public class KnownUserRecorder {

    private static final Logger LOG = Logger.getLogger(KnownUserRecorder.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @Inject
    KnownUsers knownUsers;

    @ServerRequestFilter
    public void record() {
        if (identity.isAnonymous() || !identity.hasRole(Roles.PARTICIPANT)
                || !BlockingOperationControl.isBlockingAllowed()) {
            return;
        }
        String username = user.username();
        String firm = user.firm().orElse(null);
        String email = email();
        if (!knownUsers.isStale(username, email, firm)) {
            return;
        }
        try {
            knownUsers.seen(username, email, firm);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record participant %s as seen; reminders may miss them until their next visit",
                    username);
        }
    }

    private String email() {
        Object value = identity.getPrincipal() instanceof JsonWebToken jwt
                ? jwt.getClaim("email")
                : identity.getAttribute("email");
        if (value == null) {
            return null;
        }
        String email = value.toString().replace("\"", "").strip();
        return email.isEmpty() ? null : email;
    }
}
