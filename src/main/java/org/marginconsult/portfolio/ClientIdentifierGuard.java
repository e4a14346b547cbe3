package org.marginconsult.portfolio;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps client identifiers out of the database: portfolios must be anonymized before upload, and a
 * column named like a person or account identifier, or a value shaped like an e-mail address, a US
 * Social Security number, an LEI or an IBAN, refuses the whole file.
 *
 * <p>{@code account} is a position field here (SECURITIES or FUTURES, where the position is held), so
 * the bare name passes; {@code account_number}, {@code account_id}, {@code acct} and the like do not.
 * Values are never echoed back: the message names only the line and column.
 */
final class ClientIdentifierGuard {

    static final String ADVICE = "remove client identifiers before uploading (portfolios must be anonymized).";

    /** Header words that identify a person, a firm's client or an account. */
    private static final Set<String> IDENTIFYING_WORDS = Set.of(
            "client", "clients", "customer", "customers", "name", "names", "firstname", "lastname", "surname",
            "fullname", "email", "mail", "ssn", "sin", "tin", "ein", "itin", "lei", "iban", "bic", "swift",
            "phone", "telephone", "tel", "mobile", "fax", "address", "addr", "street", "city", "zip", "zipcode",
            "postcode", "postal", "dob", "birth", "birthdate", "birthday", "passport", "beneficiary", "holder",
            "owner", "investor", "counterparty", "cpty", "acct", "nationality", "gender", "person",
            "contact", "user", "username", "login");

    /** Joined forms (separators removed) that identify even when no single word does. */
    private static final Set<String> IDENTIFYING_JOINED = Set.of(
            "taxid", "taxnumber", "taxidentifier", "socialsecurity", "socialsecuritynumber", "accountnumber",
            "accountno", "accountid", "accountname", "accountholder", "accountowner", "acctno", "acctnumber",
            "emailaddress", "clientid", "customerid", "dateofbirth", "nationalid", "idnumber", "legalentityidentifier");

    private ClientIdentifierGuard() {
    }

    /** True when a header cell that is not a known column names a client or account identifier. */
    static boolean isIdentifyingColumn(String header) {
        String snake = PositionColumn.normalise(header);
        String joined = snake.replace("_", "");
        if (IDENTIFYING_JOINED.contains(joined) || joined.startsWith("acct")) {
            return true;
        }
        for (String suffix : IDENTIFYING_JOINED) {
            if (joined.contains(suffix)) {
                return true;
            }
        }
        String[] words = snake.split("_");
        if (words.length > 1 && words[0].equals("account")) {
            return true;
        }
        for (String word : words) {
            if (IDENTIFYING_WORDS.contains(word)) {
                return true;
            }
        }
        return joined.contains("email") || joined.contains("phone") || joined.contains("address");
    }

    /**
     * What a value looks like, when it looks like a client identifier: "an e-mail address", "a US
     * Social Security number", "an LEI", "an IBAN".
     */
    static Optional<String> identifierKind(String value) {
        if (value.length() < 9) {
            return Optional.empty();
        }
        if (value.indexOf('@') > 0 && looksLikeEmail(value)) {
            return Optional.of("an e-mail address");
        }
        if (value.indexOf('-') > 0 && containsSsn(value)) {
            return Optional.of("a US Social Security number");
        }
        if (value.length() == 20 && isLei(value)) {
            return Optional.of("an LEI (legal entity identifier)");
        }
        if (value.length() >= 15 && value.length() <= 34 && isIban(value)) {
            return Optional.of("an IBAN (bank account number)");
        }
        return Optional.empty();
    }

    static boolean looksLikeEmail(String s) {
        int at = s.indexOf('@');
        while (at > 0) {
            char before = s.charAt(at - 1);
            if (isEmailLocalChar(before)) {
                int end = at + 1;
                while (end < s.length() && isDomainChar(s.charAt(end))) {
                    end++;
                }
                String domain = s.substring(at + 1, end);
                int dot = domain.lastIndexOf('.');
                if (dot > 0 && domain.length() - dot - 1 >= 2) {
                    String tld = domain.substring(dot + 1);
                    if (tld.chars().allMatch(Character::isLetter)) {
                        return true;
                    }
                }
            }
            at = s.indexOf('@', at + 1);
        }
        return false;
    }

    private static boolean isEmailLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    /** NNN-NN-NNNN not touching other digits. */
    static boolean containsSsn(String s) {
        for (int i = 0; i + 11 <= s.length(); i++) {
            if (digits(s, i, 3) && s.charAt(i + 3) == '-' && digits(s, i + 4, 2) && s.charAt(i + 6) == '-'
                    && digits(s, i + 7, 4)
                    && (i == 0 || !Character.isDigit(s.charAt(i - 1)))
                    && (i + 11 == s.length() || !Character.isDigit(s.charAt(i + 11)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** ISO 17442: 18 alphanumerics and 2 check digits, valid under ISO 7064 mod 97-10. */
    static boolean isLei(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        for (int i = 0; i < 20; i++) {
            char c = upper.charAt(i);
            boolean ok = i >= 18 ? Character.isDigit(c) : (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!ok) {
                return false;
            }
        }
        boolean hasLetter = upper.chars().anyMatch(Character::isLetter);
        return hasLetter && mod97(upper) == 1;
    }

    /** ISO 13616: country letters, check digits, then the account; valid under mod 97-10. */
    static boolean isIban(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        if (!Character.isLetter(upper.charAt(0)) || !Character.isLetter(upper.charAt(1))
                || !Character.isDigit(upper.charAt(2)) || !Character.isDigit(upper.charAt(3))) {
            return false;
        }
        for (int i = 4; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return mod97(upper.substring(4) + upper.substring(0, 4)) == 1;
    }

    private static int mod97(String alphanumeric) {
        StringBuilder digits = new StringBuilder(alphanumeric.length() * 2);
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                digits.append(c - 'A' + 10);
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
