package org.marginconsult.consultation;

import java.util.List;

/**
 * What an import of a question tree does, question by question, shown for confirmation before it is
 * applied and returned after. Each entry names the question by its stable id and display number.
 */
public record QuestionImportPlan(List<Change> added, List<Change> changed, List<Change> withdrawn,
        int unchanged, int sectionsAdded, int sectionsChanged, int sectionsWithdrawn) {

    /** One question affected, with what changed in words ("number 2.1 -> 2.2; text"). */
    public record Change(String id, String number, String what) {
    }

    public boolean changesSomething() {
        return !added.isEmpty() || !changed.isEmpty() || !withdrawn.isEmpty()
                || sectionsAdded + sectionsChanged + sectionsWithdrawn > 0;
    }
}
