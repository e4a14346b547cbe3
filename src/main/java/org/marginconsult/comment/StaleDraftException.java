package org.marginconsult.comment;

/** A submit based on a preview of an older version of the draft: what would be filed is not what was seen. */
public class StaleDraftException extends RuntimeException {

    public StaleDraftException(int previewed, int current) {
        super("The comment changed since your preview (it is now version " + current + ", you previewed version "
                + previewed + "). Preview it again before submitting.");
    }
}
