package org.marginconsult.comment;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The number a submission is known by, e.g. {@code MC-2026-7Q4M-X2KD-J}: the year received, eight
 * random characters of Crockford's Base32 (no I, L, O or U, so nothing reads as 1 or 0) in two groups,
 * and a check character.
 *
 * <p>The check character is Crockford's: the value of the number modulo 37, written with the 32 digit
 * symbols plus {@code * ~ $ = U}. The number is the year followed by the eight characters read as a
 * base-32 numeral ({@code year * 32^8 + body}). Because 37 is a prime larger than the alphabet, every
 * single wrong character and every swap of two neighbouring characters changes the check, so a mistyped
 * tracking number is told apart from a stored one that does not match.
 */
public record TrackingNumber(int year, String body, char check) {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String CHECK_SYMBOLS = ALPHABET + "*~$=U";
    private static final int BODY_LENGTH = 8;
    private static final RandomGenerator RANDOM = new SecureRandom();

    public TrackingNumber {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("Year out of range: " + year);
        }
        if (body.length() != BODY_LENGTH || body.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new IllegalArgumentException("A tracking number has eight Base32 characters, not " + body);
        }
        if (check != checkFor(year, body)) {
            throw new IllegalArgumentException("Check character does not match");
        }
    }

    /** A fresh random number for a submission received in {@code year}. */
    public static TrackingNumber random(int year) {
        StringBuilder body = new StringBuilder(BODY_LENGTH);
        for (int i = 0; i < BODY_LENGTH; i++) {
            body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return of(year, body.toString());
    }

    public static TrackingNumber of(int year, String body) {
        return new TrackingNumber(year, body, checkFor(year, body));
    }

    /**
     * Reads a tracking number as a person may type it: any case, with or without dashes and spaces,
     * with O for 0 and I or L for 1 (Crockford's reading rules).
     *
     * @return empty if it is malformed or its check character does not match
     */
    public static Optional<TrackingNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (!s.startsWith("MC") || s.length() != 2 + 4 + BODY_LENGTH + 1) {
            return Optional.empty();
        }
        String year = s.substring(2, 6);
        String body = s.substring(6, 6 + BODY_LENGTH).replace('O', '0').replace('I', '1').replace('L', '1');
        char check = s.charAt(s.length() - 1);
        if (!year.chars().allMatch(Character::isDigit) || body.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        int y = Integer.parseInt(year);
        if (y < 2000 || checkFor(y, body) != check) {
            return Optional.empty();
        }
        return Optional.of(new TrackingNumber(y, body, check));
    }

    static char checkFor(int year, String body) {
        long value = year;
        for (int i = 0; i < body.length(); i++) {
            value = value * 32 + ALPHABET.indexOf(body.charAt(i));
        }
        return CHECK_SYMBOLS.charAt((int) (value % 37));
    }

    @Override
    public String toString() {
        return "MC-" + year + "-" + body.substring(0, 4) + "-" + body.substring(4) + "-" + check;
    }
}
