package org.marginconsult.impact.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginconsult.impact.ImpactFixtures;
import org.marginconsult.impact.ImpactRun;
import org.marginconsult.margin.Position;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Click to result of an impact run on the real stack (PostgreSQL, worker pool, result page): uploads a
 * book of N positions (the sample portfolio repeated, cash Treasuries left out since portfolio margin
 * does not take them), then times from the run's POST to the result page's 200, with the three seeded
 * proposals under PORTFOLIO_MARGIN. Not part of the normal suite (its name does not end in Test); run:
 * {@code ./mvnw -o test -Dtest=ImpactRunBenchmark -Dimpact.bench.sizes=100000,1000000 -Dimpact.bench.repeat=3}
 * (each book uploaded once and run {@code repeat} times; the worker log line "impact run N: ... loaded in,
 * computed in, stored in" splits each run).
 * Figures: docs/performance.md, section "Impact runs".
 */
@QuarkusTest
class ImpactRunBenchmark {

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void clickToResult() throws Exception {
        int repeat = Integer.getInteger("impact.bench.repeat", 1);
        for (String size : System.getProperty("impact.bench.sizes", "100000").split(",")) {
            run(Integer.parseInt(size.trim()), repeat);
        }
    }

    /** Uploads the book once, then runs the impact {@code repeat} times (the first run of a JVM is cold). */
    private void run(int size, int repeat) throws Exception {
        byte[] csv = csv(ImpactFixtures.book(size));
        long u0 = System.nanoTime();
        long portfolio = given().contentType("text/csv").queryParam("label", "bench-" + size)
                .queryParam("asOf", "2026-11-20").queryParam("firmCategory", "DUAL_REGISTRANT").body(csv)
                .when().post("/api/v1/portfolios").then().statusCode(201).extract().jsonPath().getLong("id");
        long uploadMs = (System.nanoTime() - u0) / 1_000_000;
        for (int i = 1; i <= repeat; i++) {
            time(size, portfolio, uploadMs, i);
        }
    }

    private void time(int size, long portfolio, long uploadMs, int attempt) throws Exception {
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        long id = given().contentType("application/json")
                .body(Map.of("proposals", List.of("A-full-offset", "B-80pct-capped", "C-conservative"),
                        "securitiesRegime", "PORTFOLIO_MARGIN"))
                .when().post("/api/v1/portfolios/" + portfolio + "/impact-runs").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        String status;
        do {
            Thread.sleep(50);
            status = given().when().get("/impact-runs/" + id + "/progress").then().statusCode(200).extract()
                    .jsonPath().getString("status");
        } while (status.equals("QUEUED") || status.equals("RUNNING"));
        assertEquals("DONE", status);
        given().accept("text/html").when().get("/impact-runs/" + id).then().statusCode(200);
        long clickToResultMs = (System.nanoTime() - t0) / 1_000_000;

        ImpactRun run = QuarkusTransaction.requiringNew().call(() -> ImpactRun.<ImpactRun>findById(id));
        long queuedMs = run.startedAt.toEpochMilli() - run.requestedAt.toEpochMilli();
        long computeMs = run.finishedAt.toEpochMilli() - run.startedAt.toEpochMilli();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("IMPACT-BENCH positions=%d run=%d upload_ms=%d click_to_result_ms=%d queued_ms=%d "
                + "load_compute_store_ms=%d result_json_bytes=%d heap_used_mb=%d loadavg_before=%s loadavg_after=%s%n",
                size, attempt, uploadMs, clickToResultMs, queuedMs, computeMs, run.result.length(),
                (rt.totalMemory() - rt.freeMemory()) >> 20, loadBefore, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages of the machine (Linux). */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static byte[] csv(List<Position> positions) {
        StringBuilder out = new StringBuilder(positions.size() * 90);
        out.append("position_id,account,instrument_type,symbol,underlying,quantity,multiplier,price,underlying_price,"
                + "option_type,strike,expiry,implied_vol,dv01,currency\n");
        for (Position p : positions) {
            out.append(p.positionId()).append(',').append(p.account()).append(',').append(p.instrumentType()).append(',')
                    .append(p.symbol()).append(',').append(p.underlying()).append(',').append(n(p.quantity())).append(',')
                    .append(n(p.multiplier())).append(',').append(n(p.price())).append(',').append(n(p.underlyingPrice()))
                    .append(',').append(p.optionType() == null ? "" : p.optionType()).append(',').append(n(p.strike()))
                    .append(',').append(p.expiry() == null ? "" : p.expiry()).append(',').append(n(p.impliedVol()))
                    .append(',').append(n(p.dv01())).append(',').append(p.currency()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String n(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
