package org.marginconsult.admin;

import org.jboss.resteasy.reactive.RestForm;
import org.marginconsult.consultation.Agency;
import org.marginconsult.consultation.ConsultationInput;
import org.marginconsult.consultation.ConsultationView;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The create/edit consultation form as typed, kept as text so a refused form shows what was entered. */
public class ConsultationForm {

    @RestForm public String slug;
    @RestForm public String title;
    @RestForm public String summary;
    @RestForm public List<String> agencies = new ArrayList<>();
    @RestForm public String secFileNumber;
    @RestForm public String secReleaseNumber;
    @RestForm public String secRin;
    @RestForm public String cftcRin;
    @RestForm public String frDocumentNumber;
    @RestForm public String frCitation;
    @RestForm public String noticeUrl;
    @RestForm public String publishedOn;
    @RestForm public String periodDays;
    @RestForm public String lateCommentPolicy;
    /** One proposal per line: {@code B-80pct-capped | Proposal B: 80% offset, savings capped}. */
    @RestForm public String proposals;
    @RestForm public String version;
    @RestForm public String reason;

    static ConsultationForm blank() {
        ConsultationForm form = new ConsultationForm();
        form.agencies = new ArrayList<>(List.of("SEC", "CFTC"));
        form.periodDays = "60";
        form.lateCommentPolicy = "REJECT";
        return form;
    }

    static ConsultationForm of(ConsultationInput in) {
        ConsultationForm form = new ConsultationForm();
        form.slug = in.slug();
        form.title = in.title();
        form.summary = in.summary();
        form.agencies = new ArrayList<>(in.agencies().stream().map(Agency::name).toList());
        ConsultationView.Identifiers ids = in.identifiers();
        if (ids.sec() != null) {
            form.secFileNumber = ids.sec().fileNumber();
            form.secReleaseNumber = ids.sec().releaseNumber();
            form.secRin = ids.sec().rin();
        }
        if (ids.cftc() != null) {
            form.cftcRin = ids.cftc().rin();
        }
        form.frDocumentNumber = ids.federalRegister().documentNumber();
        form.frCitation = ids.federalRegister().citation();
        form.noticeUrl = ids.noticeUrl();
        form.publishedOn = in.publishedOn() == null ? null : in.publishedOn().toString();
        form.periodDays = in.periodDays() == null ? null : in.periodDays().toString();
        form.lateCommentPolicy = in.lateCommentPolicy().name();
        form.proposals = String.join("\n", in.proposals().stream().map(p -> p.id() + " | " + p.title()).toList());
        form.version = in.version() == null ? null : in.version().toString();
        return form;
    }

    public boolean hasAgency(String agency) {
        return agencies != null && agencies.contains(agency);
    }

    public boolean policyIs(String policy) {
        return policy.equals(lateCommentPolicy);
    }

    /**
     * The input for the service, or the errors of fields that are not even well-formed (a date that is
     * not a date); the service checks the rest.
     */
    ConsultationInput toInput(Map<String, String> errors) {
        List<Agency> chosen = new ArrayList<>();
        for (String a : agencies == null ? List.<String>of() : agencies) {
            try {
                chosen.add(Agency.valueOf(a));
            } catch (IllegalArgumentException e) {
                errors.merge("agencies", "Unknown agency " + a + ".", (first, next) -> first + " " + next);
            }
        }
        LocalDate published = null;
        if (publishedOn != null && !publishedOn.isBlank()) {
            try {
                published = LocalDate.parse(publishedOn.strip());
            } catch (DateTimeParseException e) {
                errors.put("publishedOn", "Expected a date such as 2026-11-02.");
            }
        }
        Integer days = number("periodDays", periodDays, errors);
        Integer expectedVersion = number("version", version, errors);
        org.marginconsult.consultation.LateCommentPolicy policy = null;
        try {
            policy = lateCommentPolicy == null ? null
                    : org.marginconsult.consultation.LateCommentPolicy.valueOf(lateCommentPolicy);
        } catch (IllegalArgumentException e) {
            errors.put("lateCommentPolicy", "Choose REJECT or ACCEPT_FLAGGED.");
        }
        List<ConsultationView.ProposalView> refs = new ArrayList<>();
        String[] lines = proposals == null ? new String[0] : proposals.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.indexOf('|');
            if (bar < 0) {
                errors.putIfAbsent("proposals", "Line " + (i + 1) + ": write the proposal id, a '|', then its title.");
                continue;
            }
            refs.add(new ConsultationView.ProposalView(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
        }
        return new ConsultationInput(slug, title, summary, chosen,
                new ConsultationView.Identifiers(
                        new ConsultationView.Sec(secFileNumber, secReleaseNumber, secRin),
                        new ConsultationView.Cftc(cftcRin),
                        new ConsultationView.FederalRegister(frDocumentNumber, frCitation),
                        noticeUrl),
                published, days, policy, refs, expectedVersion, reason);
    }

    static Integer number(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "Expected a whole number.");
            return null;
        }
    }

    static Map<String, String> newErrors() {
        return new LinkedHashMap<>();
    }
}
