package org.marginconsult.impact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.InputHash;
import org.marginconsult.margin.Position;
import org.marginconsult.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StoredSourcesTest {

    @Inject
    StoredSources sources;

    @Test
    void aPortfolioLoadsExactlyAsStoredInItsOrderSharingRepeatedValuesAndTellingProgress() {
        List<Position> book = ImpactFixtures.book(50_000);
        long id = given().auth().oauth2(Tokens.accessToken("alice")).contentType("text/csv")
                .queryParam("label", "Stored sources book").queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "DUAL_REGISTRANT").body(csv(book))
                .when().post("/api/v1/portfolios")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
        List<String> told = new ArrayList<>();

        ImpactInput input = sources.load("firm-a", id, (read, total) -> told.add(read + "/" + total)).orElseThrow();

        assertEquals(book.stream().map(Position::positionId).toList(),
                input.positions().stream().map(Position::positionId).toList(), "every position, in upload order");
        assertArrayEquals(InputHash.positionsDigest(book), InputHash.positionsDigest(input.positions()),
                "the same positions, field for field");
        assertEquals(List.of("50000/50000"), told);
        int sampleSize = ImpactFixtures.samplePositions().size();
        Position first = input.positions().get(0);
        Position again = input.positions().get(sampleSize);
        assertSame(first.underlying(), again.underlying(), "one copy of a repeated underlying");
        assertSame(first.multiplier(), again.multiplier(), "one copy of a repeated multiplier");
        assertTrue(input.collateral().isEmpty());
        assertTrue(sources.load("firm-b", id).isEmpty(), "another firm's portfolio does not load");
    }

    private static byte[] csv(List<Position> positions) {
        StringBuilder out = new StringBuilder(positions.size() * 90);
        out.append("position_id,account,instrument_type,symbol,underlying,quantity,multiplier,price,underlying_price,"
                + "option_type,strike,expiry,implied_vol,dv01,currency\n");
        for (Position p : positions) {
            out.append(p.positionId()).append(',').append(p.account()).append(',').append(p.instrumentType())
                    .append(',').append(p.symbol()).append(',').append(p.underlying()).append(',')
                    .append(n(p.quantity())).append(',').append(n(p.multiplier())).append(',').append(n(p.price()))
                    .append(',').append(n(p.underlyingPrice())).append(',')
                    .append(p.optionType() == null ? "" : p.optionType()).append(',').append(n(p.strike()))
                    .append(',').append(p.expiry() == null ? "" : p.expiry()).append(',').append(n(p.impliedVol()))
                    .append(',').append(n(p.dv01())).append(',').append(p.currency()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String n(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
