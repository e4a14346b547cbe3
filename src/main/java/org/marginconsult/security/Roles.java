package org.marginconsult.security;

import java.util.List;

/** The realm roles of Keycloak realm {@code marginconsult}, as the application checks them. */
public final class Roles {

    /** A market participant: works with its own firm's portfolios, impact runs and comments. */
    public static final String PARTICIPANT = "participant";
    /** Regulator staff: reviews submitted comments and aggregates across firms. */
    public static final String STAFF = "staff";
    /** Runs consultations and their comment periods. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(PARTICIPANT, STAFF, ADMIN);

    private Roles() {
    }
}
