package org.marginconsult.portfolio;

import java.util.Locale;

/** How limits are worded to the uploader. */
final class Limits {

    private Limits() {
    }

    static String tooLargeMessage(long maxBytes) {
        return "The upload is larger than " + size(maxBytes) + ", the limit: split the portfolio into several"
                + " uploads.";
    }

    /** 104857600 as "100 MB", 1536 as "1.5 KB". */
    static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return trim(bytes / (double) (1 << 20)) + " MB";
        }
        if (bytes >= 1 << 10) {
            return trim(bytes / 1024.0) + " KB";
        }
        return bytes + " bytes";
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
