package org.marginconsult.consultation.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A participant as the application last saw them: name, e-mail and firm from their token. Accounts
 * live in Keycloak; this copy lets reminders reach a firm's people without calling the identity
 * provider.
 */
@Entity
@Table(name = "known_user")
public class KnownUser extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String username;

    @Column(length = 320)
    public String email;

    @Column(length = 100)
    public String firm;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** Participants of these firms who have an e-mail address, by user name. */
    public static List<KnownUser> reachableIn(Collection<String> firms) {
        if (firms.isEmpty()) {
            return List.of();
        }
        return list("firm in ?1 and email is not null order by username", firms);
    }
}
