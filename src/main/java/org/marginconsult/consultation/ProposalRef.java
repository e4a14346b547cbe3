package org.marginconsult.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * A cross-margin proposal a consultation consults on, by the id of its parameter document in the
 * margin engine (e.g. {@code B-80pct-capped}) and the title shown to readers. Only the reference is
 * kept here; the parameters themselves belong to the engine.
 */
@Embeddable
public class ProposalRef {

    @Column(name = "proposal_id", nullable = false, length = 64)
    public String proposalId;

    @Column(nullable = false, length = 300)
    public String title;

    protected ProposalRef() {
    }

    public ProposalRef(String proposalId, String title) {
        this.proposalId = proposalId;
        this.title = title;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProposalRef other && proposalId.equals(other.proposalId) && title.equals(other.title);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proposalId, title);
    }
}
