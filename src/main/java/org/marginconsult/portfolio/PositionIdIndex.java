package org.marginconsult.portfolio;

/**
 * Remembers every position_id of an upload, and the line it was on, in about 20 to 40 bytes per
 * position: a 127-bit fingerprint of the identifier (two 64-bit hashes side by side, so a probe touches
 * one cache line, the second forced odd) and the line, in an open-addressing table. Holding the
 * identifiers themselves would cost several times more and grow with their length; two different
 * identifiers share a fingerprint with a probability far below one in 10^25 at the row limit.
 */
final class PositionIdIndex {

    /** Fingerprints: slot i holds its halves at 2i and 2i+1; the low half is odd, so 0 marks a free slot. */
    private long[] fingerprints;
    private int[] lines;
    private int size;
    private int mask;

    PositionIdIndex() {
        allocate(1 << 12);
    }

    /**
     * Records an identifier.
     *
     * @return 0 when the identifier is new, otherwise the line where it was first seen
     */
    int putIfAbsent(String id, int line) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L, 0xFF51AFD7ED558CCDL, 29);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL, 0xC4CEB9FE1A85EC53L, 31) | 1L;
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (true) {
            long low = fingerprints[2 * slot + 1];
            if (low == 0) {
                break;
            }
            if (low == h2 && fingerprints[2 * slot] == h1) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        fingerprints[2 * slot] = h1;
        fingerprints[2 * slot + 1] = h2;
        lines[slot] = line;
        if (++size > (mask + 1) * 3 / 4) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private void allocate(int capacity) {
        fingerprints = new long[2 * capacity];
        lines = new int[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldLines = lines;
        allocate(oldLines.length * 2);
        for (int i = 0; i < oldLines.length; i++) {
            long h1 = oldFingerprints[2 * i];
            long h2 = oldFingerprints[2 * i + 1];
            if (h2 != 0) {
                int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
                while (fingerprints[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                fingerprints[2 * slot] = h1;
                fingerprints[2 * slot + 1] = h2;
                lines[slot] = oldLines[i];
            }
        }
    }

    /**
     * A 64-bit hash of the characters: each one mixed in by multiply-rotate, then MurmurHash3's fmix64.
     * The two fingerprint halves use different seeds, multipliers and rotations.
     */
    private static long hash(String s, long seed, long multiplier, int rotation) {
        long h = seed ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= multiplier;
            h = Long.rotateLeft(h, rotation);
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
