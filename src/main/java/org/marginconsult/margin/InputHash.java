package org.marginconsult.margin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * SHA-256 over a canonical form of a calculation's inputs, so that a result can be reproduced and two
 * results compared.
 *
 * <p>The hash is SHA-256 over a header (the methodology id and version, the parameter set's id, version and
 * {@link ParameterSet#canonicalForm()}, and the valuation context: date, rate, reference data version)
 * followed by the SHA-256 of the positions' canonical form: the positions, each encoded in a fixed field order (strings as UTF-8 prefixed by
 * their length, enums by name, dates as epoch days, numbers as their unscaled value and scale after removing
 * trailing zeros, so 1.50 and 1.5 encode alike; a marker for an empty field), the positions sorted by a
 * 64-bit fingerprint of their encoding and then by the encoding itself. The order of the portfolio
 * therefore does not change the hash, and two portfolios hash alike exactly when they hold the same
 * positions.
 *
 * <p>Built for large books: positions are encoded once, in portfolio order, into buffers of 65,536 rows
 * (in parallel); only a {@code long} per position is sorted; the rows are then digested in sorted order.
 */
public final class InputHash {

    /** Positions encoded per task; books larger than this are encoded in parallel. */
    private static final int CHUNK = 1 << 16;
    private static final byte NULL = (byte) 0xFF;
    private static final byte TEXT = 1;
    private static final byte NUMBER = 2;
    private static final byte BIG_NUMBER = 3;
    private static final byte DATE = 4;

    private InputHash() {
    }

    /**
     * Hashes the inputs of one calculation.
     *
     * @param positions   the portfolio, any order
     * @param methodology methodology id and version
     * @param parameters  the parameters applied
     * @param context     valuation context
     * @return lowercase hex SHA-256
     */
    public static String of(List<Position> positions, VersionedId methodology, ParameterSet parameters,
            ValuationContext context) {
        return of(positionsDigest(positions), methodology, parameters, context);
    }

    /**
     * Hashes the inputs of one calculation whose positions were digested beforehand (several calculations
     * on one portfolio share the digest).
     *
     * @param positionsDigest {@link #positionsDigest(List)} of the portfolio
     * @param methodology     methodology id and version
     * @param parameters      the parameters applied
     * @param context         valuation context
     * @return lowercase hex SHA-256
     */
    public static String of(byte[] positionsDigest, VersionedId methodology, ParameterSet parameters,
            ValuationContext context) {
        MessageDigest digest = sha256();
        Encoder header = new Encoder();
        header.text("methodology=" + methodology.id() + " " + methodology.version() + "\nparameters="
                + parameters.parameterSetId() + ":" + parameters.canonicalForm() + "\n" + context.canonicalForm() + "\n");
        digest.update(header.buffer, 0, header.length);
        digest.update(positionsDigest);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * SHA-256 of the portfolio's canonical rows in canonical order (the class comment's second part).
     *
     * @param positions the portfolio, any order
     * @return the 32-byte digest
     */
    public static byte[] positionsDigest(List<Position> positions) {
        MessageDigest digest = sha256();
        int n = positions.size();
        // Encoded in portfolio order, in chunks (in parallel for large books), then digested in sorted order.
        int chunks = (n + CHUNK - 1) / CHUNK;
        Encoder[] encoders = new Encoder[chunks];
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(n - 1, 1)));
        long[] keys = new long[n];
        long[] fingerprints = new long[n];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            Encoder rows = new Encoder();
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                offsets[i] = rows.length;
                rows.position(positions.get(i));
                lengths[i] = rows.length - offsets[i];
                fingerprints[i] = fingerprint(rows.buffer, offsets[i], rows.length);
                keys[i] = (fingerprints[i] >>> indexBits << indexBits) | i;
            }
            encoders[c] = rows;
        });
        Arrays.parallelSort(keys);
        long mask = (1L << indexBits) - 1;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & mask);
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && (keys[end] >>> indexBits) == (keys[start] >>> indexBits)) {
                end++;
            }
            if (end - start > 1) {
                breakTies(encoders, offsets, lengths, fingerprints, order, start, end);
            }
            start = end;
        }
        byte[] chunk = new byte[1 << 16];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            byte[] rows = encoders[row / CHUNK].buffer;
            int length = lengths[row];
            if (filled + length > chunk.length) {
                digest.update(chunk, 0, filled);
                filled = 0;
            }
            if (length > chunk.length) {
                digest.update(rows, offsets[row], length);
            } else {
                System.arraycopy(rows, offsets[row], chunk, filled, length);
                filled += length;
            }
        }
        digest.update(chunk, 0, filled);
        return digest.digest();
    }

    /** Orders positions whose truncated fingerprints collide by full fingerprint, then by encoding. */
    private static void breakTies(Encoder[] encoders, int[] offsets, int[] lengths, long[] fingerprints, int[] order,
            int start, int end) {
        Integer[] range = new Integer[end - start];
        for (int i = start; i < end; i++) {
            range[i - start] = order[i];
        }
        Arrays.sort(range, (a, b) -> {
            int c = Long.compare(fingerprints[a], fingerprints[b]);
            if (c != 0) {
                return c;
            }
            byte[] x = encoders[a / CHUNK].buffer;
            byte[] y = encoders[b / CHUNK].buffer;
            return Arrays.compare(x, offsets[a], offsets[a] + lengths[a], y, offsets[b], offsets[b] + lengths[b]);
        });
        for (int i = start; i < end; i++) {
            order[i] = range[i - start];
        }
    }

    /** A 64-bit mix of one encoded row, 8 bytes at a time; it only orders rows, so it need not be cryptographic. */
    private static long fingerprint(byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                    | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48
                    | (b[i + 7] & 0xFFL) << 56;
            h = mix(h, v);
        }
        for (; i < to; i++) {
            h = mix(h, b[i]);
        }
        return h;
    }

    private static long mix(long h, long v) {
        h = (h ^ v) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }

    /** SHA-256 of the text's UTF-8 bytes (encoded here to keep the library free of java.nio). */
    static String sha256(CharSequence text) {
        Encoder e = new Encoder();
        e.utf8(text);
        MessageDigest digest = sha256();
        digest.update(e.buffer, 0, e.length);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Writes the canonical encoding into a growable byte buffer. */
    private static final class Encoder {
        byte[] buffer = new byte[256];
        int length;

        /** Appends the encoding of a position. */
        void position(Position p) {
            text(p.positionId());
            text(p.account() == null ? null : p.account().name());
            text(p.instrumentType() == null ? null : p.instrumentType().name());
            text(p.symbol());
            text(p.underlying());
            number(p.quantity());
            number(p.multiplier());
            number(p.price());
            number(p.underlyingPrice());
            text(p.optionType() == null ? null : p.optionType().name());
            number(p.strike());
            date(p.expiry());
            number(p.impliedVol());
            number(p.dv01());
            text(p.currency());
        }

        void text(String s) {
            if (s == null) {
                put(NULL);
                return;
            }
            put(TEXT);
            // Prefixed by its length in UTF-16 units; UTF-8 decodes unambiguously from there.
            varint(s.length());
            utf8(s);
        }

        void number(BigDecimal d) {
            if (d == null) {
                put(NULL);
                return;
            }
            BigInteger unscaled = d.unscaledValue();
            int scale = d.scale();
            if (unscaled.bitLength() < 63) {
                long u = unscaled.longValue();
                if (u == 0) {
                    scale = 0;
                }
                while (u != 0 && u % 10 == 0) {
                    u /= 10;
                    scale--;
                }
                put(NUMBER);
                varint(u);
                varint(scale);
            } else {
                put(BIG_NUMBER);
                text(d.stripTrailingZeros().toString());
            }
        }

        void date(LocalDate date) {
            if (date == null) {
                put(NULL);
                return;
            }
            put(DATE);
            varint(date.toEpochDay());
        }

        void utf8(CharSequence text) {
            ensure(text.length() * 3);
            for (int i = 0; i < text.length(); ) {
                int cp = Character.codePointAt(text, i);
                i += Character.charCount(cp);
                if (cp < 0x80) {
                    buffer[length++] = (byte) cp;
                } else if (cp < 0x800) {
                    buffer[length++] = (byte) (0xC0 | (cp >> 6));
                    buffer[length++] = (byte) (0x80 | (cp & 0x3F));
                } else if (cp < 0x10000) {
                    buffer[length++] = (byte) (0xE0 | (cp >> 12));
                    buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    ensure(1);
                    buffer[length++] = (byte) (0xF0 | (cp >> 18));
                    buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (cp & 0x3F));
                }
            }
        }

        /** Zig-zag varint, so small negative numbers stay short. */
        void varint(long v) {
            long z = (v << 1) ^ (v >> 63);
            ensure(10);
            while ((z & ~0x7FL) != 0) {
                buffer[length++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buffer[length++] = (byte) z;
        }

        void put(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }
}
