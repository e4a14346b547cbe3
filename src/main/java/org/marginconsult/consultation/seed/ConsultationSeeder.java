package org.marginconsult.consultation.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.marginconsult.consultation.Agency;
import org.marginconsult.consultation.CommentPeriodService;
import org.marginconsult.consultation.Consultation;
import org.marginconsult.consultation.ConsultationInput;
import org.marginconsult.consultation.ConsultationService;
import org.marginconsult.consultation.ConsultationView;
import org.marginconsult.consultation.ConsultationView.Cftc;
import org.marginconsult.consultation.ConsultationView.FederalRegister;
import org.marginconsult.consultation.ConsultationView.Identifiers;
import org.marginconsult.consultation.ConsultationView.ProposalView;
import org.marginconsult.consultation.ConsultationView.Sec;
import org.marginconsult.consultation.LateCommentPolicy;
import org.marginconsult.consultation.PeriodAction;
import org.marginconsult.consultation.PeriodRequest;
import org.marginconsult.consultation.QuestionService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Creates, at start, the consultations the application exists for when they are missing: the 2026 joint
 * SEC/CFTC request on harmonizing portfolio margining (open, with provisional questions) and its 2020
 * precedent (closed, as history). Idempotent: a consultation is recognised by its slug and never
 * touched again, so edits made in the admin pages survive restarts. Everything goes through the
 * ordinary services, so it is validated and audited, with {@code system} as the actor.
 */
@ApplicationScoped
public class ConsultationSeeder {

    public static final String SLUG_2026 = "sec-cftc-2026-portfolio-margining";
    public static final String SLUG_2020 = "sec-cftc-2020-uncleared-swaps-portfolio-margining";

    private static final Logger LOG = Logger.getLogger(ConsultationSeeder.class);

    @Inject
    SeedConfig config;

    @Inject
    ConsultationService consultations;

    @Inject
    CommentPeriodService periods;

    @Inject
    QuestionService questions;

    void onStart(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        seed(SLUG_2020, this::seed2020);
        seed(SLUG_2026, this::seed2026);
    }

    private void seed(String slug, Runnable creation) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (Consultation.findBySlug(slug).isEmpty()) {
                    creation.run();
                    LOG.infof("Seeded consultation %s", slug);
                }
            });
        } catch (RuntimeException e) {
            // Another instance starting at the same moment may have seeded it first (unique slug).
            boolean present = QuarkusTransaction.requiringNew().call(() -> Consultation.findBySlug(slug).isPresent());
            if (!present) {
                throw e;
            }
        }
        warnIfConfigDiffers(slug);
    }

    private void seed2020() {
        ConsultationView c = consultations.create(new ConsultationInput(
                SLUG_2020,
                "Portfolio Margining of Uncleared Swaps and Non-Cleared Security-Based Swaps",
                """
                The SEC and the CFTC jointly asked for public comment on portfolio margining of uncleared \
                swaps and non-cleared security-based swaps: whether, and how, positions of a customer \
                held at a firm registered with both agencies could be margined together rather than in \
                separate accounts under each agency's rules.

                Commenters had to file with each agency through its own channel, under different rules \
                for confidential treatment. The request closed on December 7, 2020; it is kept here as the \
                precedent of the 2026 request.""",
                List.of(Agency.SEC, Agency.CFTC),
                new Identifiers(new Sec("S7-15-20", "34-90246", "3235-AM64"), new Cftc("3038-AF07"),
                        new FederalRegister("2020-23928", "85 FR 70536"),
                        "https://www.federalregister.gov/d/2020-23928"),
                LocalDate.of(2020, 11, 5), 30, LateCommentPolicy.REJECT, List.of(), null, null));
        periods.apply(c.id(), PeriodAction.PUBLISH, new PeriodRequest(
                "85 FR 70536",
                "Seeded as history: published in the Federal Register on November 5, 2020, comments due"
                        + " December 7, 2020.",
                LocalDate.of(2020, 11, 5), 30, null, null, null, 0));
    }

    private void seed2026() {
        var request = config.request2026();
        ConsultationView c = consultations.create(new ConsultationInput(
                SLUG_2026,
                "Harmonizing Portfolio Margining Across Securities, Futures, Swaps and Related Positions",
                """
                The SEC and the CFTC jointly request public comment on harmonizing their portfolio-margining \
                frameworks, so that positions in securities, security-based swaps, futures, swaps and \
                related products, including crypto asset derivatives, could be margined by their combined \
                risk rather than account by account.

                The agencies ask about existing models and practices, cross-product offsets, capital, \
                segregation and collateral, clearing agency and DCO arrangements, customer protection, \
                risk management, operational implementation, and the effects on market liquidity and \
                competition. Comments are due 60 days after publication in the Federal Register.

                The questions below are provisional: drafted for each topic of the request until the \
                notice's own numbered questions are imported. Participants can model their portfolios \
                against the cross-margin proposals listed and attach the aggregated impact to their comment.""",
                List.of(Agency.SEC, Agency.CFTC),
                new Identifiers(new Sec(null, null, null), new Cftc(null), new FederalRegister(null, null),
                        "https://www.sec.gov/newsroom/press-releases/2026-59"),
                request.publishedOn(), request.periodDays(), LateCommentPolicy.REJECT,
                // Titles as the engine's parameter documents give them (src/main/resources/margin/proposals).
                List.of(new ProposalView("A-full-offset", "One grid per risk group, full offset across accounts"),
                        new ProposalView("B-80pct-capped", "Full offset with savings capped at 80% of the siloed requirement"),
                        new ProposalView("C-conservative", "Wider stressed grids, half offset, concentration add-on, 50% floor")),
                null, null));
        periods.apply(c.id(), PeriodAction.PUBLISH, new PeriodRequest(
                "SEC Press Release 2026-59 (Federal Register citation to be recorded by correction)",
                "Seeded at first start; publication date and period length from marginconsult.seed.2026.*",
                request.publishedOn(), request.periodDays(), null, null, null, 0));
        questions.importTree(c.id(), questions.parse(readResource("/seed/2026-provisional-questions.json")),
                "SEC Press Release 2026-59",
                "Provisional questions, one section per topic named in the announcement, until the notice's own"
                        + " questions are imported", null);
    }

    private void warnIfConfigDiffers(String slug) {
        if (!SLUG_2026.equals(slug)) {
            return;
        }
        LocalDate configured = config.request2026().publishedOn();
        QuarkusTransaction.requiringNew().run(() -> Consultation.findBySlug(slug)
                .flatMap(c -> c.commentPeriod().publishedOn())
                .filter(recorded -> !recorded.equals(configured))
                .ifPresent(recorded -> LOG.warnf("Consultation %s records publication on %s but"
                        + " marginconsult.seed.2026.published-on is %s; the recorded date stands. Record a"
                        + " correction in the admin pages to change it.", slug, recorded, configured)));
    }

    private static byte[] readResource(String path) {
        try (InputStream in = ConsultationSeeder.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource missing: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
