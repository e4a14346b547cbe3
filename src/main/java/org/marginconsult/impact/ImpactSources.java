package org.marginconsult.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an impact run reads from the portfolio and consultation features. Every portfolio lookup takes
 * the firm, and answers empty for another firm's portfolio, so a run can never read across firms.
 */
public interface ImpactSources {

    /** A stored portfolio as the run form lists it. */
    record PortfolioChoice(long id, String label, int version, LocalDate asOf, int positions) {
    }

    /** A consultation and the proposals it consults on. */
    record ConsultationChoice(long id, String title, List<String> proposalIds) {
    }

    /** The firm's portfolios, newest first. */
    List<PortfolioChoice> portfolios(String firm);

    /** The firm's portfolio, or empty if it does not exist or belongs to another firm. */
    Optional<PortfolioChoice> portfolio(String firm, long portfolioId);

    /** Told how many of a portfolio's positions have been read so far while it loads. */
    @FunctionalInterface
    interface LoadProgress {
        /**
         * @param read  positions read so far
         * @param total positions in the portfolio
         */
        void read(int read, int total);
    }

    /** The firm's portfolio with its positions and collateral, or empty as for {@link #portfolio}. */
    default Optional<ImpactInput> load(String firm, long portfolioId) {
        return load(firm, portfolioId, (read, total) -> {
        });
    }

    /**
     * As {@link #load(String, long)}, telling {@code progress} as positions are read (a large book takes
     * seconds); an exception thrown by {@code progress} stops the load and is passed on.
     */
    Optional<ImpactInput> load(String firm, long portfolioId, LoadProgress progress);

    /** Consultations a participant may run an impact for: those that consult on at least one proposal. */
    List<ConsultationChoice> consultations();

    /** A consultation, or empty if there is none with this id visible to participants. */
    Optional<ConsultationChoice> consultation(long consultationId);
}
