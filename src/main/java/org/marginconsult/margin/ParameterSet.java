package org.marginconsult.margin;

/**
 * An explicit, versioned set of parameters of a {@link Methodology}: every number the calculation uses
 * that a regulator or a what-if could change lives in one of these, never in code.
 *
 * <p>Implementations are immutable records; {@link #canonicalForm()} feeds the input hash of every
 * result, so two parameter sets that calculate differently must have different canonical forms.
 */
public interface ParameterSet {

    /** Identifier and version of this parameter set (an override changes the version suffix). */
    VersionedId parameterSetId();

    /**
     * A deterministic text form of every parameter value (maps sorted by key, doubles in
     * {@link Double#toString(double)} form).
     *
     * @return the canonical form
     */
    String canonicalForm();
}
