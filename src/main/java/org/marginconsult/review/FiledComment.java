package org.marginconsult.review;

import java.time.Instant;

/**
 * One filed comment as staff see it in the review list: enough to find it and open its receipt, without
 * loading the filed documents themselves.
 */
public record FiledComment(long id, long consultationId, String trackingNumber, Instant receivedAt, String organization,
        boolean late, Long supplementOf) {

    public boolean supplement() {
        return supplementOf != null;
    }
}
