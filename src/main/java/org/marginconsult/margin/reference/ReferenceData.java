package org.marginconsult.margin.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marginconsult.margin.Position;
import org.marginconsult.margin.Warning;

/**
 * The versioned table of underlyings: product class, risk group, driver, beta, price ratio, dividend
 * yield. Immutable.
 *
 * <p>Shipped as {@code src/main/resources/margin/reference-data-v1.csv} and parsed from text the caller
 * reads ({@link #parse(String)}): the margin library does no I/O. Underlyings that are not in the
 * table resolve to {@link UnderlyingReference#unknownSingleEquity(String)}, and {@link #warnings(List)}
 * names each of them, so the default is never applied silently.
 *
 * <p>File format (UTF-8 CSV): lines starting with {@code #} are comments, one of which must be
 * {@code # version: <version>}; then the header
 * {@code underlying,product_class,risk_group,driver,beta,price_ratio,dividend_yield,description};
 * then one row per underlying (the description, last, may contain commas). Every risk group must
 * contain its driver, with beta 1.
 */
public final class ReferenceData {

    /** The header line of the CSV file. */
    public static final String HEADER = "underlying,product_class,risk_group,driver,beta,price_ratio,dividend_yield,description";

    private final String version;
    private final Map<String, UnderlyingReference> bySymbol;

    /**
     * @param version    the data version (recorded in every result's input hash)
     * @param underlyings the rows
     */
    public ReferenceData(String version, Collection<UnderlyingReference> underlyings) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("reference data needs a version");
        }
        this.version = version;
        Map<String, UnderlyingReference> map = new LinkedHashMap<>();
        for (UnderlyingReference u : underlyings) {
            if (map.putIfAbsent(u.symbol(), u) != null) {
                throw new IllegalArgumentException("underlying " + u.symbol() + " appears twice");
            }
        }
        for (UnderlyingReference u : map.values()) {
            UnderlyingReference driver = map.get(u.driver());
            if (driver == null || !driver.riskGroup().equals(u.riskGroup())) {
                throw new IllegalArgumentException("risk group " + u.riskGroup() + " of " + u.symbol()
                        + " has driver " + u.driver() + " which is not a row of that group");
            }
            if (!driver.driver().equals(driver.symbol()) || driver.beta() != 1.0) {
                throw new IllegalArgumentException("driver " + driver.symbol() + " must drive itself with beta 1");
            }
        }
        this.bySymbol = Collections.unmodifiableMap(map);
    }

    /**
     * Parses the CSV text described in the class comment.
     *
     * @param csv the whole file's text
     * @return the reference data
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static ReferenceData parse(String csv) {
        String version = null;
        boolean headerSeen = false;
        List<UnderlyingReference> rows = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("version:")) {
                    version = comment.substring("version:".length()).strip();
                }
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": expected header " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            String[] f = line.split(",", 8);
            if (f.length != 8) {
                throw new IllegalArgumentException("line " + (n + 1) + ": expected 8 fields, got " + f.length);
            }
            try {
                rows.add(new UnderlyingReference(f[0].strip(), ProductClass.valueOf(f[1].strip()), f[2].strip(),
                        f[3].strip(), Double.parseDouble(f[4].strip()), Double.parseDouble(f[5].strip()),
                        Double.parseDouble(f[6].strip()), f[7].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        if (version == null) {
            throw new IllegalArgumentException("reference data has no '# version: ...' line");
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("reference data has no header line");
        }
        return new ReferenceData(version, rows);
    }

    /** The data version. */
    public String version() {
        return version;
    }

    /** Every underlying, in file order. */
    public Collection<UnderlyingReference> underlyings() {
        return bySymbol.values();
    }

    /** True when the underlying is in the table. */
    public boolean isKnown(String underlying) {
        return bySymbol.containsKey(underlying);
    }

    /**
     * The reference for an underlying, or the single-equity default when it is unknown (see
     * {@link #warnings(List)}).
     *
     * @param underlying the position's underlying symbol
     * @return the reference, never null
     */
    public UnderlyingReference resolve(String underlying) {
        UnderlyingReference known = bySymbol.get(underlying);
        return known != null ? known : UnderlyingReference.unknownSingleEquity(underlying);
    }

    /**
     * One warning per distinct unknown underlying among the positions.
     *
     * @param positions the portfolio
     * @return warnings with code {@code UNKNOWN_UNDERLYING}, sorted by underlying (independent of position order)
     */
    public List<Warning> warnings(List<Position> positions) {
        Set<String> unknown = new TreeSet<>();
        for (Position p : positions) {
            if (p.underlying() != null && !bySymbol.containsKey(p.underlying())) {
                unknown.add(p.underlying());
            }
        }
        List<Warning> warnings = new ArrayList<>();
        for (String u : unknown) {
            warnings.add(new Warning(Warning.UNKNOWN_UNDERLYING, u, "underlying " + u
                    + " is not in reference data " + version
                    + ": treated as a single equity in its own risk group, beta 1"));
        }
        return warnings;
    }

    /**
     * The underlyings of one risk group.
     *
     * @param riskGroup the group id
     * @return its rows, in file order
     */
    public List<UnderlyingReference> riskGroup(String riskGroup) {
        return bySymbol.values().stream().filter(u -> u.riskGroup().equals(riskGroup)).toList();
    }
}
