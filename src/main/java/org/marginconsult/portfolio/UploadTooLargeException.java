package org.marginconsult.portfolio;

import java.io.IOException;

/** Thrown while reading an upload's bytes once more than the size limit has arrived. */
final class UploadTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    UploadTooLargeException(long limit) {
        super("upload larger than " + limit + " bytes");
    }
}
