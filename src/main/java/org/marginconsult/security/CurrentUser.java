package org.marginconsult.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;

/**
 * Who is calling: user name, application roles and firm. The firm comes from the token claim
 * {@code firm} (a Keycloak user attribute); in tests that use {@code @TestSecurity} it comes from the
 * security attribute of the same name.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    public static final String FIRM_CLAIM = "firm";

    @Inject
    SecurityIdentity identity;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String username() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                return preferred;
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The application roles held, in a stable order. */
    public List<String> roles() {
        return Roles.ALL.stream().filter(identity::hasRole).toList();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> firm() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = identity.getPrincipal() instanceof JsonWebToken jwt
                ? jwt.getClaim(FIRM_CLAIM)
                : identity.getAttribute(FIRM_CLAIM);
        if (value == null) {
            return Optional.empty();
        }
        String firm = value.toString().replace("\"", "").trim();
        return firm.isEmpty() ? Optional.empty() : Optional.of(firm);
    }

    /**
     * The firm of a participant, for code that works on firm-private data.
     *
     * @throws NoFirmException when the account carries no firm, which the error pages explain
     */
    public String requireFirm() {
        return firm().orElseThrow(() -> new NoFirmException(username()));
    }
}
