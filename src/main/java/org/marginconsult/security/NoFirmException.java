package org.marginconsult.security;

/** A participant account without a {@code firm} claim: it cannot see or create firm data. */
public class NoFirmException extends RuntimeException {

    public NoFirmException(String username) {
        super("The account '" + username + "' is not linked to a firm. Ask your identity administrator"
                + " to set the 'firm' attribute of your user in Keycloak, then log in again.");
    }
}
