package org.marginconsult.portfolio;

import java.util.List;
import java.util.stream.Collectors;

/** A delete refused because something relies on the portfolio, such as a submitted comment. */
public class PortfolioHeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<PortfolioService.Hold> holds;

    PortfolioHeldException(String title, List<PortfolioService.Hold> holds) {
        super(title + " cannot be deleted: " + holds.stream().map(PortfolioService.Hold::reason)
                .collect(Collectors.joining("; ")) + ". A portfolio behind a submitted comment is kept so the"
                + " comment's figures stay reproducible.");
        this.holds = List.copyOf(holds);
    }

    public List<PortfolioService.Hold> holds() {
        return holds;
    }
}
