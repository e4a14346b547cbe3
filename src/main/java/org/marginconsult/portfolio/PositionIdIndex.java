package org.marginconsult.portfolio;

/**
 * Remembers every position_id of an upload, and the line it was on, in 16 bytes per slot of an
 * open-addressing table (at most 3/4 full): a 96-bit fingerprint of the identifier and the line, in two
 * adjacent longs so a probe touches one cache line. Holding the identifiers themselves would cost
 * several times more and grow with their length; two different identifiers share a 96-bit fingerprint
 * with a probability below one in 10^16 at the row limit.
 */
final class PositionIdIndex {

    /**
     * Slot i holds at 2i the first 64-bit hash and at 2i+1 the top 32 bits of the second hash (forced
     * non-zero, so 0 marks a free slot) above the line.
     */
    private long[] slots;
    private int size;
    private int mask;

    PositionIdIndex() {
        allocate(1 << 12);
    }

    /**
     * Records an identifier.
     *
     * @param line a positive line number
     * @return 0 when the identifier is new, otherwise the line where it was first seen
     */
    int putIfAbsent(String id, int line) {
        long h1 = 0x9E3779B97F4A7C15L ^ id.length();
        long h2 = 0xC2B2AE3D27D4EB4FL ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            h1 = Long.rotateLeft((h1 ^ c) * 0xFF51AFD7ED558CCDL, 29);
            h2 = Long.rotateLeft((h2 ^ c) * 0xC4CEB9FE1A85EC53L, 31);
        }
        h1 = finish(h1);
        long tag = (finish(h2) | 0x8000_0000_0000_0000L) & 0xFFFF_FFFF_0000_0000L;
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (true) {
            long second = slots[2 * slot + 1];
            if (second == 0) {
                break;
            }
            if ((second & 0xFFFF_FFFF_0000_0000L) == tag && slots[2 * slot] == h1) {
                return (int) second;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = h1;
        slots[2 * slot + 1] = tag | (line & 0xFFFF_FFFFL);
        if (++size > (mask + 1) * 3 / 4) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private void allocate(int capacity) {
        slots = new long[2 * capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] old = slots;
        allocate((old.length / 2) * 2);
        for (int i = 0; i < old.length; i += 2) {
            long h1 = old[i];
            long second = old[i + 1];
            if (second != 0) {
                int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = h1;
                slots[2 * slot + 1] = second;
            }
        }
    }

    /**
     * MurmurHash3's fmix64. Each hash mixes every character in by multiply-rotate, with its own seed,
     * multiplier and rotation, then goes through this finaliser.
     */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
