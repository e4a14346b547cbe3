package org.marginconsult.comment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DraftContentTest {

    static DraftContent draft(String organization, Map<String, DraftContent.AnswerContent> answers,
            List<DraftContent.AttachmentContent> files) {
        return new DraftContent(organization, "FCM", "Ann", "ann@example.com", null, List.of("SEC", "CFTC"), "Dear Sirs",
                new TreeMap<>(answers), new TreeMap<>(), files);
    }

    @Test
    void identicalStatesHaveNoDifferences() {
        DraftContent a = draft("Alpha", Map.of("q1", new DraftContent.AnswerContent("Yes", false, null)), List.of());
        assertEquals(List.of(), a.changesSince(a, Map.of()));
    }

    @Test
    void eachChangedFieldIsListedWithBothValuesAndAnswersByQuestionNumber() {
        DraftContent before = draft("Alpha", Map.of("q1", new DraftContent.AnswerContent("Yes", false, null)), List.of());
        DraftContent after = draft("Alpha LLC", Map.of(
                "q1", new DraftContent.AnswerContent("Yes", false, null),
                "q2", new DraftContent.AnswerContent("A 15% haircut", true, "Trade secrets")),
                List.of(new DraftContent.AttachmentContent(7, "impact.csv", "ab", false, null)));
        List<DraftContent.FieldChange> changes = after.changesSince(before, Map.of("q2", "2.1"));
        assertEquals(List.of("organization", "answers.q2", "attachments"), changes.stream().map(DraftContent.FieldChange::field).toList());
        assertEquals(new DraftContent.FieldChange("organization", "Organization", "Alpha", "Alpha LLC"), changes.get(0));
        assertEquals("Answer to question 2.1", changes.get(1).label());
        assertEquals("", changes.get(1).before());
        assertEquals("A 15% haircut\n[confidential: Trade secrets]", changes.get(1).after());
        assertEquals("impact.csv", changes.get(2).after());
    }

    @Test
    void aRemovedAnswerShowsItsOldTextAndAnEmptyNewOne() {
        DraftContent before = draft("Alpha", Map.of("q1", new DraftContent.AnswerContent("Yes", false, null)), List.of());
        DraftContent after = draft("Alpha", Map.of(), List.of());
        List<DraftContent.FieldChange> changes = after.changesSince(before, Map.of());
        assertEquals(List.of(new DraftContent.FieldChange("answers.q1", "Answer to question q1", "Yes", "")), changes);
    }
}
