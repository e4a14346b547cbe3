package org.marginconsult.consultation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.marginconsult.consultation.seed.ConsultationSeeder;
import org.marginconsult.security.AuditEvent;
import org.marginconsult.security.AuditLog;
import org.marginconsult.support.ConsultationFixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.ConsultationFixtures.asAdmin;

@QuarkusTest
class QuestionServiceTest {

    private static final String TWO_SECTIONS = """
            {"format": "marginconsult.questions/1",
             "sections": [
               {"id": "s-a", "number": "I", "title": "Offsets",
                "questions": [
                  {"id": "q-1", "number": "1", "text": "Which offsets?", "parts": [
                     {"label": "a", "text": "Within a group."}, {"label": "b", "text": "Across groups."}]},
                  {"id": "q-2", "number": "2", "text": "What cap?"}]},
               {"id": "s-b", "number": "II", "title": "Collateral",
                "questions": [{"id": "q-3", "number": "3", "text": "Which haircuts?", "provisional": true}]}]}
            """;

    @Inject
    AuditLog audit;

    @Test
    void exportingAndImportingTheSeededTreeIsARoundTrip() {
        long seeded = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);
        String exported = given().get("/api/v1/consultations/" + seeded + "/questions").then().statusCode(200)
                .extract().asString();
        long copy = ConsultationFixtures.createDraft("round-trip");

        importTree(copy, exported, "Copy of the seeded tree").statusCode(200)
                .body("added", hasSize(32))
                .body("changed", hasSize(0))
                .body("withdrawn", hasSize(0));

        Map<String, Object> original = given().get("/api/v1/consultations/" + seeded + "/questions").then()
                .extract().jsonPath().getMap("$");
        Map<String, Object> copied = asAdmin().get("/api/v1/admin/consultations/" + copy + "/questions").then()
                .extract().jsonPath().getMap("$");
        assertEquals(original.get("sections"), copied.get("sections"));
        String reExported = asAdmin().get("/api/v1/admin/consultations/" + copy + "/questions").then().extract().asString();
        importTree(copy, reExported, "Unchanged", true).statusCode(200)
                .body("added", hasSize(0)).body("changed", hasSize(0)).body("withdrawn", hasSize(0))
                .body("unchanged", equalTo(32));
        importTree(copy, reExported, "Unchanged").statusCode(400)
                .body("fields.document", containsString("changes nothing"));
    }

    @Test
    void renumberingKeepsTheStableIdsAndAQuestionWithoutIdKeepsTheIdOfItsNumber() {
        long id = ConsultationFixtures.createDraft("renumber");
        importTree(id, TWO_SECTIONS, "First import").statusCode(200).body("added", hasSize(3));

        String corrected = """
                {"sections": [
                   {"id": "s-a", "number": "I", "title": "Offsets",
                    "questions": [
                      {"number": "1", "text": "Which offsets should be recognised?", "parts": [
                         {"label": "a", "text": "Within a group."}, {"label": "b", "text": "Across groups."}]},
                      {"id": "q-new", "number": "2", "text": "A question inserted by the correction."},
                      {"id": "q-2", "number": "3", "text": "What cap?"}]},
                   {"id": "s-b", "number": "II", "title": "Collateral",
                    "questions": [{"id": "q-3", "number": "4", "text": "Which haircuts?", "provisional": true}]}]}
                """;
        importTree(id, corrected, "Correction notice renumbers the questions").statusCode(200)
                .body("added.id", contains("q-new"))
                .body("changed.id", contains("q-1", "q-2", "q-3"))
                .body("changed.what", contains("text", "number 2 -> 3", "number 3 -> 4"));

        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("sections[0].questions.id", contains("q-1", "q-new", "q-2"))
                .body("sections[0].questions.number", contains("1", "2", "3"));
    }

    @Test
    void questionsLeftOutAreWithdrawnAndComeBackWithTheirId() {
        long id = ConsultationFixtures.createDraft("withdraw");
        importTree(id, TWO_SECTIONS, "First import").statusCode(200);
        String withoutSecondSection = """
                {"sections": [{"id": "s-a", "number": "I", "title": "Offsets",
                  "questions": [{"id": "q-1", "number": "1", "text": "Which offsets?", "parts": [
                     {"label": "a", "text": "Within a group."}, {"label": "b", "text": "Across groups."}]},
                     {"id": "q-2", "number": "2", "text": "What cap?"}]}]}
                """;

        importTree(id, withoutSecondSection, "Section II dropped").statusCode(200)
                .body("withdrawn.id", contains("q-3"))
                .body("sectionsWithdrawn", equalTo(1));
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("sections", hasSize(1));

        importTree(id, TWO_SECTIONS, "Section II back").statusCode(200)
                .body("changed.id", contains("q-3"))
                .body("changed.what", contains("restored"));
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("sections[1].questions[0].id", equalTo("q-3"));
    }

    @Test
    void subPartsCanSwapLabelsInOneImport() {
        long id = ConsultationFixtures.createDraft("swap-parts");
        importTree(id, TWO_SECTIONS, "First import").statusCode(200);

        importTree(id, TWO_SECTIONS.replace("\"label\": \"a\"", "\"label\": \"x\"")
                .replace("\"label\": \"b\"", "\"label\": \"a\"")
                .replace("\"label\": \"x\"", "\"label\": \"b\""), "Parts relabelled").statusCode(200)
                .body("changed.what", contains("sub-parts"));
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("sections[0].questions[0].parts.label", contains("b", "a"));
    }

    @Test
    void anInvalidDocumentIsRefusedWithEveryProblemAndItsPathAndNothingIsWritten() {
        long id = ConsultationFixtures.createDraft("invalid-tree");
        String invalid = """
                {"sections": [
                   {"id": "s-a", "number": "1", "title": "",
                    "questions": [
                      {"id": "q-1", "number": "1.1", "text": " "},
                      {"id": "q-1", "number": "1.1", "text": "Twice", "parts": [
                         {"label": "a", "text": "x"}, {"label": "a", "text": "y"}]},
                      {"id": "bad id!", "number": "1.3", "text": "Bad id"}]}]}
                """;

        importTree(id, invalid, "Broken").statusCode(400)
                .body("fields", hasKey("sections[0].title"))
                .body("fields", hasKey("sections[0].questions[0].text"))
                .body("fields.'sections[0].questions[1].id'", containsString("appears twice"))
                .body("fields.'sections[0].questions[1].number'", containsString("appears twice"))
                .body("fields.'sections[0].questions[1].parts[1].label'", containsString("appears twice"))
                .body("fields", hasKey("sections[0].questions[2].id"));
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("sections", hasSize(0));
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanSilentlyDropped() {
        long id = ConsultationFixtures.createDraft("misspelt");

        importTree(id, "{\"sections\": [{\"number\": \"1\", \"title\": \"T\", \"questions\": [{\"number\": \"1\", \"txt\": \"x\"}]}]}",
                "Typo").statusCode(400)
                .body("fields.document", startsWith("Not a valid question document (line 1"))
                .body("fields.document", containsString("txt"));
    }

    @Test
    void anImportNeedsAReason() {
        long id = ConsultationFixtures.createDraft("no-reason");

        asAdmin().body(TWO_SECTIONS).put("/api/v1/admin/consultations/" + id + "/questions").then().statusCode(400)
                .body("fields.reason", equalTo("Required."));
    }

    @Test
    void anImportIsAuditedWithTheWholeTreeBeforeAndAfter() {
        long id = ConsultationFixtures.createDraft("audited-import");
        importTree(id, TWO_SECTIONS, "The notice's own questions").statusCode(200);

        List<AuditEvent> imports = audit.forEntity("consultation", String.valueOf(id)).stream()
                .filter(e -> e.action.equals("QUESTIONS_IMPORT")).toList();
        assertEquals(1, imports.size());
        assertEquals("ada", imports.get(0).actor);
        assertTrue(imports.get(0).beforeState.contains("\"sections\": []"), imports.get(0).beforeState);
        assertTrue(imports.get(0).afterState.contains("Which haircuts?"), imports.get(0).afterState);
        assertTrue(imports.get(0).detail.startsWith("91 FR 1: The notice's own questions [3 added"), imports.get(0).detail);
    }

    private static io.restassured.response.ValidatableResponse importTree(long id, String document, String reason) {
        return importTree(id, document, reason, false);
    }

    private static io.restassured.response.ValidatableResponse importTree(long id, String document, String reason,
            boolean dryRun) {
        return asAdmin().body(document)
                .queryParam("reason", reason).queryParam("citation", "91 FR 1").queryParam("dryRun", dryRun)
                .put("/api/v1/admin/consultations/" + id + "/questions").then().log().ifValidationFails();
    }
}
