package org.marginconsult.margin.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Warning;
import org.marginconsult.margin.support.MarginFixtures;

class ReferenceDataTest {

    private final ReferenceData data = MarginFixtures.referenceData();

    private Set<String> group(String id) {
        return data.riskGroup(id).stream().map(UnderlyingReference::symbol).collect(Collectors.toSet());
    }

    @Test
    void theShippedFileIsVersionOne() {
        assertEquals("1", data.version());
    }

    @Test
    void theIssuesRiskGroupsAreSeeded() {
        assertTrue(group("US_LARGE_CAP").containsAll(Set.of("SPX", "XSP", "SPY", "ES", "MES")));
        assertTrue(group("NASDAQ_100").containsAll(Set.of("NDX", "QQQ", "NQ", "MNQ")));
        assertTrue(group("RUSSELL_2000").containsAll(Set.of("RUT", "IWM", "RTY")));
        assertTrue(group("BITCOIN").containsAll(Set.of("BTC", "MBT", "BTC-PERP", "IBIT", "FBTC")));
        assertTrue(group("ETHER").containsAll(Set.of("ETH", "ETHA")));
        assertTrue(group("US_RATES_10Y").containsAll(Set.of("UST-10Y", "ZN")));
        assertTrue(group("US_RATES_30Y").contains("ZB"));
        assertTrue(group("US_RATES_5Y").contains("ZF"));
    }

    @Test
    void productClassesFollowTheirPortfolioMarginGroup() {
        assertEquals(ProductClass.HIGH_CAP_BROAD_INDEX, data.resolve("SPY").productClass());
        assertEquals(ProductClass.OTHER_BROAD_INDEX, data.resolve("IWM").productClass());
        assertEquals(ProductClass.CRYPTO, data.resolve("IBIT").productClass());
        assertEquals(ProductClass.RATES_TENOR_BUCKET, data.resolve("ZN").productClass());
        assertEquals(ProductClass.SINGLE_EQUITY, data.resolve("AAPL").productClass());
        assertEquals(0.1, data.resolve("XSP").priceRatio());
    }

    @Test
    void anUnknownUnderlyingDefaultsToSingleEquityWithAWarning() {
        UnderlyingReference unknown = data.resolve("ZZZZ");
        assertFalse(data.isKnown("ZZZZ"));
        assertEquals(ProductClass.SINGLE_EQUITY, unknown.productClass());
        assertEquals("ZZZZ", unknown.riskGroup());
        List<Warning> warnings = data.warnings(List.of(
                Position.equity("a", InstrumentType.STOCK, "ZZZZ", "1", "10"),
                Position.equity("b", InstrumentType.STOCK, "ZZZZ", "2", "10"),
                Position.equity("c", InstrumentType.STOCK, "AAPL", "2", "10")));
        assertEquals(1, warnings.size());
        assertEquals(Warning.UNKNOWN_UNDERLYING, warnings.get(0).code());
        assertEquals("ZZZZ", warnings.get(0).subject());
    }

    @Test
    void aFileWithoutVersionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReferenceData.parse(ReferenceData.HEADER + "\nSPX,HIGH_CAP_BROAD_INDEX,G,SPX,1,1,0,x\n"));
        assertTrue(e.getMessage().contains("version"));
    }

    @Test
    void aBadRowIsReportedWithItsLineNumber() {
        String csv = "# version: 9\n" + ReferenceData.HEADER + "\nSPX,NOT_A_CLASS,G,SPX,1,1,0,x\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReferenceData.parse(csv));
        assertTrue(e.getMessage().startsWith("line 3"), e.getMessage());
    }

    @Test
    void aGroupWhoseDriverIsMissingIsRefused() {
        String csv = "# version: 9\n" + ReferenceData.HEADER + "\nSPY,HIGH_CAP_BROAD_INDEX,G,SPX,1,0.1,0,x\n";
        assertThrows(IllegalArgumentException.class, () -> ReferenceData.parse(csv));
    }

    @Test
    void descriptionsMayContainCommas() {
        String csv = "# version: 9\n" + ReferenceData.HEADER + "\nSPX,HIGH_CAP_BROAD_INDEX,G,SPX,1,1,0.01,S&P 500, the index\n";
        assertEquals("S&P 500, the index", ReferenceData.parse(csv).resolve("SPX").description());
    }
}
