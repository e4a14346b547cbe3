package org.marginconsult.margin.methodology;

import java.util.Objects;

import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.ParameterSet;

/**
 * A methodology that implements one published rule (strategy-based, FINRA Rule 4210(g) portfolio
 * margin, CME SPAN) at a fixed id and version, bound to one explicit parameter set: the part every such
 * methodology shares, so each names its rule once.
 *
 * @param <P> the rule's parameter set
 */
public abstract class RuleMethodology<P extends ParameterSet> implements Methodology {

    private final String id;
    private final String version;
    /** The parameters this instance applies. */
    protected final P parameters;

    /**
     * @param id         identifier of the rule implemented
     * @param version    version of the implementation
     * @param parameters the parameters applied, not null
     */
    protected RuleMethodology(String id, String version, P parameters) {
        this.id = id;
        this.version = version;
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final P parameters() {
        return parameters;
    }
}
