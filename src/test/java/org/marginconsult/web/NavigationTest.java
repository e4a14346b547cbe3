package org.marginconsult.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every entry of the navigation a role is shown opens a page for that role (the staff entry once answered 404). */
@QuarkusTest
class NavigationTest {

    private static final Pattern NAV = Pattern.compile("<nav aria-label=\"Main\">(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    /** The status of each navigation entry shown on the caller's account page. */
    static Map<String, Integer> navigationStatuses() {
        Matcher nav = NAV.matcher(given().accept("text/html").get("/me").then().statusCode(200).extract().asString());
        List<String> links = new ArrayList<>();
        if (nav.find()) {
            Matcher href = HREF.matcher(nav.group(1));
            while (href.find()) {
                links.add(href.group(1));
            }
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String link : links) {
            statuses.put(link, given().accept("text/html").redirects().follow(false).get(link).statusCode());
        }
        return statuses;
    }

    private static void assertEveryEntryOpens(List<String> expected) {
        Map<String, Integer> statuses = navigationStatuses();
        assertEquals(expected, List.copyOf(statuses.keySet()));
        statuses.forEach((link, status) -> assertEquals(200, status, link));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void everyEntryAParticipantIsShownOpensItsPage() {
        assertEveryEntryOpens(List.of("/consultations", "/portfolios", "/impact-runs", "/comments", "/verify"));
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void everyEntryStaffAreShownOpensItsPage() {
        assertEveryEntryOpens(List.of("/consultations", "/verify", "/review"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void everyEntryAnAdministratorIsShownOpensItsPage() {
        assertEveryEntryOpens(List.of("/consultations", "/verify", "/admin/consultations", "/admin/audit"));
    }
}
