package org.marginconsult.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.ConsultationFixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class AuditPagesTest {

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdministratorReadsTheHistoryOfAConsultationWithStatesBeforeAndAfter() {
        long id = ConsultationFixtures.createDraft("audit-page");
        ConsultationFixtures.publish(id, java.time.LocalDate.of(2026, 6, 30), 60).statusCode(201);

        given().get("/admin/audit?entityType=consultation&entityId=" + id).then().statusCode(200)
                .body(containsString("History of <code>consultation " + id + "</code>"))
                .body(containsString("<code>PERIOD_OPEN</code>"))
                .body(containsString("<code>CONSULTATION_CREATE</code>"))
                .body(containsString("91 FR 12345: Published"))
                .body(containsString("&quot;closesAt&quot; : &quot;2026-09-01T03:59:59Z&quot;"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void theWholeTrailIsPagedNewestFirst() {
        given().get("/admin/audit").then().statusCode(200)
                .body(containsString("Audit entries, page 1"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant")
    void aParticipantIsRefused() {
        given().get("/admin/audit").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void staffAreRefused() {
        given().get("/admin/audit").then().statusCode(403);
    }
}
