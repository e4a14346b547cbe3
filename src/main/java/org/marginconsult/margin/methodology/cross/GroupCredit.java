package org.marginconsult.margin.methodology.cross;

/**
 * An inter-group credit of a cross-margin proposal, in the style of SPAN's percentage inter-commodity
 * spread credits (CME, "Inter-commodity spread credits"): when two risk groups carry risk in opposite
 * directions, the risk each contributes to the spread ({@code min} of what remains of the two groups'
 * requirements) is credited at {@code rate}. Credits are formed in the order the proposal lists them, and
 * a group's requirement used by one credit is not used again.
 *
 * @param groupA one risk group id
 * @param groupB the other risk group id
 * @param rate   credit rate in [0, 1]
 */
public record GroupCredit(String groupA, String groupB, double rate) {
    /** Checks the groups differ and the rate is in [0, 1]. */
    public GroupCredit {
        if (groupA == null || groupB == null || groupA.equals(groupB)) {
            throw new IllegalArgumentException("a credit needs two different risk groups");
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("credit rate must be in [0, 1]: " + groupA + "/" + groupB);
        }
    }
}
