package org.marginconsult.portfolio;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Portfolio upload against {@code psql \copy}, same rows, same table, same machine, one run.
 *
 * <p>Not part of the normal suite (surefire only picks up *Test classes). Run with:
 * <pre>./mvnw -o test -Dtest=PortfolioUploadBenchmark -DargLine=-Xmx512m</pre>
 * It writes a deterministic 1,000,000-row CSV portfolio to target/benchmark/, warms the server up with
 * a 50,000-row upload, then alternates two rounds of: {@code psql \copy} of the same rows (as a CSV
 * with the table's columns) into an empty {@code portfolio_position}, and the same file uploaded to
 * {@code POST /api/v1/portfolios} (spooled, every row validated, COPY, commit), timed by the client
 * from the first byte sent to the 201. The peak heap of the JVM (server and client share it) is read
 * from the memory pools. Results go to target/benchmark/portfolio-upload.md.
 */
@QuarkusTest
class PortfolioUploadBenchmark {

    static final int ROWS = 1_000_000;
    static final int WARM_UP_ROWS = 50_000;
    static final Path DIR = Path.of("target/benchmark");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void aMillionRowUploadTakesAtMostOneAndAHalfTimesPsqlCopyWithHeapUnder512Mb() throws Exception {
        clock.set(Instant.parse("2026-11-21T12:00:00Z"));
        Files.createDirectories(DIR);
        Path upload = DIR.resolve("portfolio-1m.csv");
        Path forPsql = DIR.resolve("portfolio-1m-table.csv");
        Path warmUp = DIR.resolve("portfolio-50k.csv");
        generate(upload, forPsql, ROWS);
        generate(warmUp, DIR.resolve("portfolio-50k-table.csv"), WARM_UP_ROWS);

        assertEquals(201, post(warmUp, "warm-up").statusCode());
        truncate();

        List<Long> psqlMillis = new ArrayList<>();
        List<Long> uploadMillis = new ArrayList<>();
        List<Long> peakHeap = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            truncate();
            psqlMillis.add(psqlCopy(forPsql));
            assertEquals(ROWS, count());
            truncate();
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            HttpResponse<String> response = post(upload, "benchmark round " + round);
            uploadMillis.add((System.nanoTime() - start) / 1_000_000);
            peakHeap.add(peakHeapBytes());
            assertEquals(201, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"positions\":" + ROWS), response.body());
            assertEquals(ROWS, count());
        }
        long bestPsql = psqlMillis.stream().mapToLong(Long::longValue).min().orElseThrow();
        long bestUpload = uploadMillis.stream().mapToLong(Long::longValue).min().orElseThrow();
        double ratio = bestUpload / (double) bestPsql;
        long maxHeap = Runtime.getRuntime().maxMemory();
        String report = String.format(Locale.ROOT, """
                | | round 1 | round 2 | best |
                |---|---|---|---|
                | psql \\copy, 1,000,000 rows (ms) | %d | %d | %d |
                | upload: validate + COPY + commit, 1,000,000 rows (ms) | %d | %d | %d |
                | ratio upload / psql (best of each) | | | %.2f |
                | peak heap during the upload (MB), max heap %d MB | %d | %d | |
                file: %s, %,d bytes; Java %s; %d processors
                """, psqlMillis.get(0), psqlMillis.get(1), bestPsql, uploadMillis.get(0), uploadMillis.get(1),
                bestUpload, ratio, maxHeap >> 20, peakHeap.get(0) >> 20, peakHeap.get(1) >> 20, upload,
                Files.size(upload), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Files.writeString(DIR.resolve("portfolio-upload.md"), report);
        System.out.println(report);
        assertTrue(ratio <= 1.5, "upload took " + ratio + " times psql \\copy");
        assertTrue(peakHeap.stream().allMatch(p -> p < 512L << 20), "peak heap " + peakHeap);
        clock.reset();
    }

    HttpResponse<String> post(Path file, String label) throws IOException, InterruptedException {
        String token = Tokens.accessToken("alice");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/portfolios?asOf=2026-11-20&firmCategory=BROKER_DEALER&label="
                        + label.replace(" ", "%20")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    long psqlCopy(Path file) throws IOException, InterruptedException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String columns = "portfolio_id, line_no, position_id, account, instrument_type, symbol, underlying, quantity,"
                + " multiplier, price, underlying_price, option_type, strike, expiry, implied_vol, dv01, currency";
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()), "-U", dbUser,
                "-d", uri.getPath().substring(1),
                "-c", "\\copy portfolio_position (" + columns + ") from '" + file.toAbsolutePath()
                        + "' with (format csv, header)");
        builder.environment().put("PGPASSWORD", dbPassword);
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, exit, output);
        return millis;
    }

    void truncate() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate portfolio_position");
            s.execute("checkpoint");
        }
    }

    long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from portfolio_position")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * A realistic mix, all valid, underlyings from reference data: stocks and ETFs, index and equity
     * options, index and crypto futures, options on futures, perpetuals, Treasuries and Treasury
     * futures. Writes the upload file and the same rows with the table's columns for psql.
     */
    static void generate(Path upload, Path table, int rows) throws IOException {
        if (Files.exists(upload) && Files.exists(table)) {
            return;
        }
        Random random = new Random(20261120L + rows);
        String[] stocks = {"AAPL", "MSFT", "NVDA", "AMZN", "TSLA", "JPM"};
        String[] etfs = {"SPY", "QQQ", "IWM", "IBIT", "FBTC", "ETHA"};
        String[] expiries = {"2027-01-15", "2027-02-19", "2027-03-19", "2027-06-18", "2027-12-17"};
        try (BufferedWriter up = Files.newBufferedWriter(upload); BufferedWriter tab = Files.newBufferedWriter(table)) {
            up.write(PositionColumn.headerLine());
            up.write('\n');
            tab.write("portfolio_id,line_no," + PositionColumn.headerLine());
            tab.write('\n');
            for (int i = 1; i <= rows; i++) {
                String id = "P" + i;
                int qty = (1 + random.nextInt(500)) * (random.nextBoolean() ? 1 : -1);
                int kind = random.nextInt(100);
                String row;
                if (kind < 15) {
                    String s = stocks[random.nextInt(stocks.length)];
                    row = String.join(",", id, "SECURITIES", "STOCK", s, s, Integer.toString(qty), "1",
                            price(100 + random.nextInt(400), random), "", "", "", "", "", "", "USD");
                } else if (kind < 30) {
                    String s = etfs[random.nextInt(etfs.length)];
                    row = String.join(",", id, "SECURITIES", "ETF", s, s, Integer.toString(qty), "1",
                            price(40 + random.nextInt(600), random), "", "", "", "", "", "", "USD");
                } else if (kind < 55) {
                    int strike = 6000 + 25 * random.nextInt(60);
                    boolean call = random.nextBoolean();
                    String expiry = expiries[random.nextInt(expiries.length)];
                    row = String.join(",", id, "SECURITIES", "INDEX_OPTION", "SPXW " + expiry.replace("-", "").substring(2)
                                    + (call ? "C" : "P") + strike, "SPX", Integer.toString(qty / 10 == 0 ? 1 : qty / 10),
                            "100", price(1 + random.nextInt(300), random), "6800", call ? "CALL" : "PUT",
                            Integer.toString(strike), expiry, vol(random), "", "USD");
                } else if (kind < 70) {
                    String s = stocks[random.nextInt(stocks.length)];
                    int strike = 100 + 5 * random.nextInt(80);
                    boolean call = random.nextBoolean();
                    String expiry = expiries[random.nextInt(expiries.length)];
                    row = String.join(",", id, "SECURITIES", "EQUITY_OPTION", s + " " + expiry.replace("-", "").substring(2)
                                    + (call ? "C" : "P") + strike, s, Integer.toString(qty), "100",
                            price(1 + random.nextInt(40), random), price(100 + random.nextInt(400), random),
                            call ? "CALL" : "PUT", Integer.toString(strike), expiry, vol(random), "", "USD");
                } else if (kind < 82) {
                    boolean btc = random.nextInt(3) == 0;
                    row = String.join(",", id, "FUTURES", btc ? "CRYPTO_FUTURE" : "FUTURE", btc ? "BTCF7" : "ESH7",
                            btc ? "BTC" : "ES", Integer.toString(qty / 20 == 0 ? 1 : qty / 20), btc ? "5" : "50",
                            btc ? price(90000 + random.nextInt(5000), random) : price(6800 + random.nextInt(150), random),
                            "", "", "", btc ? "2027-01-29" : "2027-03-19", "", "", "USD");
                } else if (kind < 88) {
                    int strike = 6500 + 25 * random.nextInt(30);
                    boolean call = random.nextBoolean();
                    row = String.join(",", id, "FUTURES", "FUTURE_OPTION", "ESH7 " + (call ? "C" : "P") + strike, "ES",
                            Integer.toString(qty / 10 == 0 ? 1 : qty / 10), "50", price(5 + random.nextInt(200), random),
                            "6871.50", call ? "CALL" : "PUT", Integer.toString(strike), "2027-03-19", vol(random), "",
                            "USD");
                } else if (kind < 91) {
                    row = String.join(",", id, "FUTURES", "CRYPTO_PERPETUAL", "BTC-PERP", "BTC-PERP",
                            Integer.toString(qty / 50 == 0 ? 1 : qty / 50), "1", price(92000 + random.nextInt(500), random),
                            "", "", "", "", "", "", "USD");
                } else if (kind < 96) {
                    row = String.join(",", id, "SECURITIES", "TREASURY", "T 4 1/4 11/15/35", "UST-10Y",
                            Integer.toString(Math.abs(qty) * 10), "10", price(98 + random.nextInt(3), random), "", "", "",
                            "2035-11-15", "", "0.81", "USD");
                } else {
                    row = String.join(",", id, "FUTURES", "TREASURY_FUTURE", "ZNH7", "ZN",
                            Integer.toString(qty / 10 == 0 ? 1 : qty / 10), "1000", "112.515625", "", "", "",
                            "2027-03-22", "", "68.50", "USD");
                }
                up.write(row);
                up.write('\n');
                tab.write("-1," + (i + 1) + "," + row);
                tab.write('\n');
            }
        }
    }

    private static String price(int whole, Random random) {
        return whole + "." + String.format(Locale.ROOT, "%02d", random.nextInt(100));
    }

    private static String vol(Random random) {
        return "0." + (10 + random.nextInt(60));
    }
}
