package org.marginconsult.portfolio;

/**
 * Remembers every position_id of an upload, and the line it was on, in 20 bytes per position: a
 * 128-bit fingerprint of the identifier and the line, in an open-addressing table. Holding the
 * identifiers themselves would cost several times more and grow with their length; two different
 * identifiers share a 128-bit fingerprint with a probability far below one in 10^25 at the row limit.
 */
final class PositionIdIndex {

    private long[] high;
    private long[] low;
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
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL, 0xC4CEB9FE1A85EC53L, 31);
        if (h1 == 0 && h2 == 0) {
            h2 = 1;
        }
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (lines[slot] != 0) {
            if (high[slot] == h1 && low[slot] == h2) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = h1;
        low[slot] = h2;
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
        high = new long[capacity];
        low = new long[capacity];
        lines = new int[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldLines = lines;
        allocate(oldLines.length * 2);
        for (int i = 0; i < oldLines.length; i++) {
            if (oldLines[i] != 0) {
                int slot = (int) (oldHigh[i] ^ (oldHigh[i] >>> 32)) & mask;
                while (lines[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
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
