package org.marginconsult.consultation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.marginconsult.consultation.ConsultationView.PartView;
import org.marginconsult.consultation.ConsultationView.QuestionView;
import org.marginconsult.consultation.ConsultationView.SectionView;
import org.marginconsult.security.AuditLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The question trees of consultations: read, export and import as JSON ({@link QuestionTree}), and
 * single-question edits, which are imports of the current tree with one question changed, so every
 * change goes through the same checks, the same diff and the same audit.
 */
@ApplicationScoped
public class QuestionService {

    static final int MAX_SECTIONS = 50;
    static final int MAX_QUESTIONS = 1000;
    static final int MAX_QUESTION_TEXT = 10_000;
    static final int MAX_PART_TEXT = 5_000;
    static final int MAX_PARTS = 26;
    /** Largest import document accepted, in bytes. */
    public static final int MAX_DOCUMENT_BYTES = 1_000_000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PART_LABEL = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A change to one question from the edit form. */
    public record QuestionEdit(String number, String text, boolean provisional, List<PartView> parts,
            boolean withdrawn) {
    }

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    /** The sections and questions readers see (withdrawn ones left out), in display order. */
    public List<SectionView> activeTree(long consultationId) {
        List<QuestionSection> sections = QuestionSection.list(
                "consultationId = ?1 and withdrawn = false order by position, id", consultationId);
        List<Question> questions = Question.list(
                "select distinct q from Question q left join fetch q.parts where q.consultationId = ?1"
                        + " and q.withdrawn = false order by q.position, q.id", consultationId);
        Map<Long, List<QuestionView>> bySection = new HashMap<>();
        for (Question q : questions) {
            bySection.computeIfAbsent(q.section.id, k -> new ArrayList<>()).add(view(q));
        }
        return sections.stream()
                .map(s -> new SectionView(s.key, s.number, s.title, List.copyOf(bySection.getOrDefault(s.id, List.of()))))
                .toList();
    }

    @Transactional
    public QuestionTree export(long consultationId) {
        Consultation c = consultation(consultationId, LockModeType.NONE);
        return new QuestionTree(QuestionTree.FORMAT, c.slug, activeTree(consultationId));
    }

    /** The export as pretty-printed JSON, byte for byte what the download gives. */
    public String exportJson(long consultationId) {
        try {
            return json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(export(consultationId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A question tree could not be written as JSON", e);
        }
    }

    /**
     * A fingerprint of the current tree, carried by a confirmation form so that the import is refused
     * if someone changed the questions between preview and confirmation.
     */
    public String fingerprint(long consultationId) {
        try {
            byte[] tree = json.writeValueAsBytes(activeTree(consultationId));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tree)).substring(0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint a question tree", e);
        }
    }

    /**
     * Reads an import document strictly: unknown fields are errors, so a misspelt field is not
     * silently dropped.
     */
    public QuestionTree parse(byte[] document) {
        if (document == null || document.length == 0) {
            throw InvalidInputException.of("document", "The document is empty: upload a JSON file or paste its text.");
        }
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw InvalidInputException.of("document", "The document is " + document.length
                    + " bytes; at most " + MAX_DOCUMENT_BYTES + " are accepted.");
        }
        try {
            QuestionTree tree = json.readerFor(QuestionTree.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(document);
            if (tree == null) {
                throw InvalidInputException.of("document", "The document is JSON null; expected an object with \"sections\".");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw InvalidInputException.of("document", "Not a valid question document" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidInputException.of("document", "The document could not be read: " + e.getMessage());
        }
    }

    public QuestionTree parse(String document) {
        return parse(document == null ? null : document.getBytes(StandardCharsets.UTF_8));
    }

    /** What importing {@code tree} would change, without changing anything. */
    @Transactional
    public QuestionImportPlan preview(long consultationId, QuestionTree tree) {
        consultation(consultationId, LockModeType.NONE);
        Existing existing = Existing.load(consultationId);
        return diff(existing, resolve(existing, tree));
    }

    /**
     * Replaces the consultation's questions by {@code tree}: updates those it names, adds new ones,
     * withdraws those it leaves out. Audited with the whole tree before and after.
     *
     * @param expectedFingerprint the {@link #fingerprint} the preview was made against, or null to skip the check
     */
    @Transactional
    public QuestionImportPlan importTree(long consultationId, QuestionTree tree, String citation, String reason,
            String expectedFingerprint) {
        return apply(consultationId, tree, citation, reason, expectedFingerprint, "QUESTIONS_IMPORT");
    }

    /** Changes one question (or withdraws it); the rest of the tree stays as it is. */
    @Transactional
    public QuestionImportPlan editQuestion(long consultationId, String questionKey, QuestionEdit edit, String reason) {
        consultation(consultationId, LockModeType.PESSIMISTIC_WRITE);
        List<SectionView> sections = new ArrayList<>();
        boolean found = false;
        for (SectionView s : activeTree(consultationId)) {
            List<QuestionView> questions = new ArrayList<>();
            for (QuestionView q : s.questions()) {
                if (q.id().equals(questionKey)) {
                    found = true;
                    if (!edit.withdrawn()) {
                        questions.add(new QuestionView(q.id(), edit.number(), edit.text(), edit.provisional(),
                                edit.parts()));
                    }
                } else {
                    questions.add(q);
                }
            }
            sections.add(new SectionView(s.id(), s.number(), s.title(), questions));
        }
        if (!found) {
            throw new NotFoundException("No question " + questionKey + " in consultation " + consultationId);
        }
        return apply(consultationId, new QuestionTree(QuestionTree.FORMAT, null, sections), null, reason, null,
                edit.withdrawn() ? "QUESTION_WITHDRAW" : "QUESTION_EDIT");
    }

    /** Adds a question at the end of a section, under a new stable id. */
    @Transactional
    public QuestionImportPlan addQuestion(long consultationId, String sectionKey, QuestionEdit edit, String reason) {
        consultation(consultationId, LockModeType.PESSIMISTIC_WRITE);
        Existing existing = Existing.load(consultationId);
        List<SectionView> sections = new ArrayList<>();
        boolean found = false;
        for (SectionView s : activeTree(consultationId)) {
            List<QuestionView> questions = new ArrayList<>(s.questions());
            if (s.id().equals(sectionKey)) {
                found = true;
                questions.add(new QuestionView(existing.newQuestionKey(Set.of()), edit.number(), edit.text(),
                        edit.provisional(), edit.parts()));
            }
            sections.add(new SectionView(s.id(), s.number(), s.title(), questions));
        }
        if (!found) {
            throw new NotFoundException("No section " + sectionKey + " in consultation " + consultationId);
        }
        return apply(consultationId, new QuestionTree(QuestionTree.FORMAT, null, sections), null, reason, null,
                "QUESTION_ADD");
    }

    private QuestionImportPlan apply(long consultationId, QuestionTree tree, String citation, String reason,
            String expectedFingerprint, String action) {
        Consultation c = consultation(consultationId, LockModeType.PESSIMISTIC_WRITE);
        Validation v = new Validation();
        String why = v.text("reason", reason, true, 2000);
        String cite = v.text("citation", citation, false, 200);
        v.throwIfAny();
        if (expectedFingerprint != null && !expectedFingerprint.equals(fingerprint(consultationId))) {
            throw new PeriodConflictException("The questions of this consultation changed since your preview."
                    + " Preview the import again to see what it would do now.");
        }
        Existing existing = Existing.load(consultationId);
        List<SectionView> resolved = resolve(existing, tree);
        QuestionImportPlan plan = diff(existing, resolved);
        if (!plan.changesSomething()) {
            throw InvalidInputException.of("document", "This changes nothing: the questions are already as given.");
        }
        QuestionTree before = new QuestionTree(QuestionTree.FORMAT, c.slug, activeTree(consultationId));
        write(consultationId, existing, resolved);
        Question.flush();
        QuestionTree after = new QuestionTree(QuestionTree.FORMAT, c.slug, activeTree(consultationId));
        audit.record(action, "consultation", c.id, before, after,
                (cite == null ? "" : cite + ": ") + why + " [" + plan.added().size() + " added, "
                        + plan.changed().size() + " changed, " + plan.withdrawn().size() + " withdrawn]");
        return plan;
    }

    /** Checks the document and gives every section and question its stable id. */
    private List<SectionView> resolve(Existing existing, QuestionTree tree) {
        Validation v = new Validation();
        if (tree.format() != null && !QuestionTree.FORMAT.equals(tree.format())) {
            v.error("format", "Expected \"" + QuestionTree.FORMAT + "\"; got \"" + tree.format() + "\".");
        }
        if (tree.sections() == null) {
            v.error("sections", "Required: a list of sections (it may be empty).");
            v.throwIfAny();
        }
        if (tree.sections().size() > MAX_SECTIONS) {
            v.error("sections", "At most " + MAX_SECTIONS + " sections (this has " + tree.sections().size() + ").");
        }
        int total = tree.sections().stream().mapToInt(s -> s == null || s.questions() == null ? 0 : s.questions().size()).sum();
        if (total > MAX_QUESTIONS) {
            v.error("sections", "At most " + MAX_QUESTIONS + " questions (this has " + total + ").");
        }
        v.throwIfAny();

        Set<String> sectionIds = new HashSet<>();
        Set<String> sectionNumbers = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        Set<String> questionNumbers = new HashSet<>();
        for (int i = 0; i < tree.sections().size(); i++) {
            SectionView s = tree.sections().get(i);
            String at = "sections[" + i + "]";
            if (s == null) {
                v.error(at, "A section cannot be null.");
                continue;
            }
            String id = v.matching(at + ".id", s.id(), false, 64, KEY, "letters, digits, '.', '_' or '-' (at most 64)");
            String number = v.text(at + ".number", s.number(), true, 20);
            v.text(at + ".title", s.title(), true, 300);
            if (id != null && !sectionIds.add(id)) {
                v.error(at + ".id", "Section id " + id + " appears twice.");
            }
            if (number != null && !sectionNumbers.add(number)) {
                v.error(at + ".number", "Section number " + number + " appears twice.");
            }
            List<QuestionView> questions = s.questions() == null ? List.of() : s.questions();
            for (int j = 0; j < questions.size(); j++) {
                QuestionView q = questions.get(j);
                String qat = at + ".questions[" + j + "]";
                if (q == null) {
                    v.error(qat, "A question cannot be null.");
                    continue;
                }
                String qid = v.matching(qat + ".id", q.id(), false, 64, KEY, "letters, digits, '.', '_' or '-' (at most 64)");
                String qnumber = v.text(qat + ".number", q.number(), true, 20);
                v.text(qat + ".text", q.text(), true, MAX_QUESTION_TEXT);
                if (qid != null && !questionIds.add(qid)) {
                    v.error(qat + ".id", "Question id " + qid + " appears twice.");
                }
                if (qnumber != null && !questionNumbers.add(qnumber)) {
                    v.error(qat + ".number", "Question number " + qnumber + " appears twice.");
                }
                List<PartView> parts = q.parts() == null ? List.of() : q.parts();
                if (parts.size() > MAX_PARTS) {
                    v.error(qat + ".parts", "At most " + MAX_PARTS + " sub-parts (this has " + parts.size() + ").");
                }
                Set<String> labels = new HashSet<>();
                for (int k = 0; k < parts.size(); k++) {
                    PartView p = parts.get(k);
                    String pat = qat + ".parts[" + k + "]";
                    if (p == null) {
                        v.error(pat, "A sub-part cannot be null.");
                        continue;
                    }
                    String label = v.matching(pat + ".label", p.label(), true, 10, PART_LABEL, "a short label such as a, b or ii");
                    v.text(pat + ".text", p.text(), true, MAX_PART_TEXT);
                    if (label != null && !labels.add(label)) {
                        v.error(pat + ".label", "Sub-part " + label + " appears twice in this question.");
                    }
                }
            }
        }
        v.throwIfAny();

        // Entries without an id take the id of the existing entry with the same display number.
        List<SectionView> resolved = new ArrayList<>();
        Set<String> takenSections = new HashSet<>(sectionIds);
        Set<String> takenQuestions = new HashSet<>(questionIds);
        for (SectionView s : tree.sections()) {
            String sectionId = s.id() != null && !s.id().isBlank() ? s.id().strip()
                    : existing.sectionKeyForNumber(s.number().strip(), takenSections);
            takenSections.add(sectionId);
            List<QuestionView> questions = new ArrayList<>();
            for (QuestionView q : s.questions() == null ? List.<QuestionView>of() : s.questions()) {
                String questionId = q.id() != null && !q.id().isBlank() ? q.id().strip()
                        : existing.questionKeyForNumber(q.number().strip(), takenQuestions);
                takenQuestions.add(questionId);
                List<PartView> parts = (q.parts() == null ? List.<PartView>of() : q.parts()).stream()
                        .map(p -> new PartView(p.label().strip(), p.text().strip())).toList();
                questions.add(new QuestionView(questionId, q.number().strip(), q.text().strip(), q.provisional(), parts));
            }
            resolved.add(new SectionView(sectionId, s.number().strip(), s.title().strip(), questions));
        }
        return resolved;
    }

    private static QuestionImportPlan diff(Existing existing, List<SectionView> resolved) {
        List<QuestionImportPlan.Change> added = new ArrayList<>();
        List<QuestionImportPlan.Change> changed = new ArrayList<>();
        List<QuestionImportPlan.Change> withdrawn = new ArrayList<>();
        int unchanged = 0;
        int sectionsAdded = 0;
        int sectionsChanged = 0;
        Set<String> seenSections = new HashSet<>();
        Set<String> seenQuestions = new HashSet<>();
        for (int i = 0; i < resolved.size(); i++) {
            SectionView s = resolved.get(i);
            seenSections.add(s.id());
            QuestionSection old = existing.sections.get(s.id());
            if (old == null) {
                sectionsAdded++;
            } else if (old.withdrawn || !old.number.equals(s.number()) || !old.title.equals(s.title())
                    || old.position != i) {
                sectionsChanged++;
            }
            for (int j = 0; j < s.questions().size(); j++) {
                QuestionView q = s.questions().get(j);
                seenQuestions.add(q.id());
                Question was = existing.questions.get(q.id());
                if (was == null) {
                    added.add(new QuestionImportPlan.Change(q.id(), q.number(), "new in section " + s.number()));
                    continue;
                }
                List<String> what = new ArrayList<>();
                if (was.withdrawn) {
                    what.add("restored");
                }
                if (!was.number.equals(q.number())) {
                    what.add("number " + was.number + " -> " + q.number());
                }
                if (!was.section.key.equals(s.id())) {
                    what.add("moved to section " + s.number());
                }
                if (!was.text.equals(q.text())) {
                    what.add("text");
                }
                if (was.provisional != q.provisional()) {
                    what.add(q.provisional() ? "marked provisional" : "no longer provisional");
                }
                if (!parts(was).equals(q.parts())) {
                    what.add("sub-parts");
                }
                if (what.isEmpty() && was.position != j) {
                    what.add("order");
                }
                if (what.isEmpty()) {
                    unchanged++;
                } else {
                    changed.add(new QuestionImportPlan.Change(q.id(), q.number(), String.join("; ", what)));
                }
            }
        }
        for (Question q : existing.questions.values()) {
            if (!q.withdrawn && !seenQuestions.contains(q.key)) {
                withdrawn.add(new QuestionImportPlan.Change(q.key, q.number, "withdrawn (kept for answers that refer to it)"));
            }
        }
        int sectionsWithdrawn = (int) existing.sections.values().stream()
                .filter(s -> !s.withdrawn && !seenSections.contains(s.key)).count();
        return new QuestionImportPlan(List.copyOf(added), List.copyOf(changed), List.copyOf(withdrawn), unchanged,
                sectionsAdded, sectionsChanged, sectionsWithdrawn);
    }

    private static void write(long consultationId, Existing existing, List<SectionView> resolved) {
        Set<String> keptSections = new HashSet<>();
        Set<String> keptQuestions = new HashSet<>();
        for (int i = 0; i < resolved.size(); i++) {
            SectionView s = resolved.get(i);
            QuestionSection section = existing.sections.get(s.id());
            if (section == null) {
                section = new QuestionSection();
                section.consultationId = consultationId;
                section.key = s.id();
            }
            section.number = s.number();
            section.title = s.title();
            section.position = i;
            section.withdrawn = false;
            section.persist();
            keptSections.add(s.id());
            for (int j = 0; j < s.questions().size(); j++) {
                QuestionView q = s.questions().get(j);
                Question question = existing.questions.get(q.id());
                if (question == null) {
                    question = new Question();
                    question.consultationId = consultationId;
                    question.key = q.id();
                }
                question.section = section;
                question.number = q.number();
                question.text = q.text();
                question.provisional = q.provisional();
                question.position = j;
                question.withdrawn = false;
                writeParts(question, q.parts());
                question.persist();
                keptQuestions.add(q.id());
            }
        }
        existing.sections.values().stream().filter(s -> !keptSections.contains(s.key)).forEach(s -> s.withdrawn = true);
        existing.questions.values().stream().filter(q -> !keptQuestions.contains(q.key)).forEach(q -> q.withdrawn = true);
    }

    /** Updates sub-parts in place, position by position, so unchanged rows stay as they are. */
    private static void writeParts(Question question, List<PartView> parts) {
        for (int k = 0; k < parts.size(); k++) {
            QuestionPart part;
            if (k < question.parts.size()) {
                part = question.parts.get(k);
            } else {
                part = new QuestionPart();
                part.question = question;
                question.parts.add(part);
            }
            part.label = parts.get(k).label();
            part.text = parts.get(k).text();
            part.position = k;
        }
        while (question.parts.size() > parts.size()) {
            question.parts.removeLast();
        }
    }

    private static List<PartView> parts(Question q) {
        return q.parts.stream().map(p -> new PartView(p.label, p.text)).toList();
    }

    private static QuestionView view(Question q) {
        return new QuestionView(q.key, q.number, q.text, q.provisional, parts(q));
    }

    private static Consultation consultation(long id, LockModeType lock) {
        Consultation c = lock == LockModeType.NONE ? Consultation.findById(id) : Consultation.findById(id, lock);
        if (c == null) {
            throw new NotFoundException("No consultation " + id);
        }
        return c;
    }

    /** Every section and question of a consultation, withdrawn ones included, by stable key. */
    private record Existing(Map<String, QuestionSection> sections, Map<String, Question> questions) {

        static Existing load(long consultationId) {
            Map<String, QuestionSection> sections = new LinkedHashMap<>();
            QuestionSection.<QuestionSection>list("consultationId = ?1 order by position, id", consultationId)
                    .forEach(s -> sections.put(s.key, s));
            Map<String, Question> questions = new LinkedHashMap<>();
            Question.<Question>list("select distinct q from Question q left join fetch q.parts"
                    + " where q.consultationId = ?1 order by q.position, q.id", consultationId)
                    .forEach(q -> questions.put(q.key, q));
            return new Existing(sections, questions);
        }

        String sectionKeyForNumber(String number, Set<String> taken) {
            return sections.values().stream()
                    .filter(s -> s.number.equals(number) && !taken.contains(s.key))
                    .sorted((a, b) -> Boolean.compare(a.withdrawn, b.withdrawn))
                    .map(s -> s.key).findFirst()
                    .orElseGet(() -> fresh("s-", taken, sections.keySet()));
        }

        String questionKeyForNumber(String number, Set<String> taken) {
            return questions.values().stream()
                    .filter(q -> q.number.equals(number) && !taken.contains(q.key))
                    .sorted((a, b) -> Boolean.compare(a.withdrawn, b.withdrawn))
                    .map(q -> q.key).findFirst()
                    .orElseGet(() -> newQuestionKey(taken));
        }

        String newQuestionKey(Set<String> taken) {
            return fresh("q-", taken, questions.keySet());
        }

        private static String fresh(String prefix, Set<String> taken, Set<String> existing) {
            String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
            while (true) {
                StringBuilder key = new StringBuilder(prefix);
                for (int i = 0; i < 8; i++) {
                    key.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
                }
                String candidate = key.toString();
                if (!taken.contains(candidate) && !existing.contains(candidate)) {
                    return candidate;
                }
            }
        }
    }
}
