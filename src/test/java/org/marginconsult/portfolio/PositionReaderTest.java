package org.marginconsult.portfolio;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.reference.ReferenceData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionReaderTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final String HEADER = PositionColumn.headerLine();
    static final String STOCK = "P1,SECURITIES,STOCK,AAPL,AAPL,100,1,271.40,,,,,,,USD";

    static ReferenceData reference() {
        try (InputStream in = PositionReaderTest.class.getResourceAsStream("/margin/reference-data-v1.csv")) {
            return ReferenceData.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final List<Position> stored = new ArrayList<>();

    ReadResult csv(String text) throws IOException {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    ReadResult csv(byte[] bytes) throws IOException {
        return new PositionReader(reference()).csv(new ByteArrayInputStream(bytes),
                new ReadRules(AS_OF, 1 << 20, 1000, 1000), (line, p) -> stored.add(p));
    }

    @Test
    void theSamplePortfolioReadsWithoutErrors() throws IOException {
        byte[] sample = getClass().getResourceAsStream("/portfolio/sample-portfolio.csv").readAllBytes();
        ReadResult result = csv(sample);
        assertEquals(List.of(), result.errors());
        assertEquals(26, result.positions());
        assertEquals(26, stored.size());
    }

    @Test
    void aValueWithADecimalCommaIsRefusedWithTheNumberToWriteInstead() throws IOException {
        ReadResult result = csv(HEADER + "\nP1,SECURITIES,STOCK,AAPL,AAPL,100,1,\"271,40\",,,,,,,USD\n");
        assertEquals(List.of(new UploadError(2, "price",
                "'271,40' uses a decimal comma: write 271.40 (price takes a point for decimals).", ErrorKind.DECIMAL_COMMA)),
                result.errors());
        assertTrue(stored.isEmpty());
    }

    @Test
    void everyErrorOfEveryLineIsReportedAtOnce() throws IOException {
        ReadResult result = csv(HEADER + "\n" + STOCK + "\nP2,SECURITIES,STOCK,AAPL,AAPL,abc,1,-5,,,,,,,USD\n"
                + "P1,SECURITIES,STOCK,AAPL,AAPL,1,1,NaN,,,,,,,USD\n");
        assertEquals(List.of("3 quantity NOT_A_NUMBER", "3 price INVALID_FIELD", "4 price NOT_FINITE",
                "4 position_id DUPLICATE_POSITION_ID"),
                result.errors().stream().map(e -> e.line() + " " + e.column() + " " + e.code()).toList());
        for (UploadError e : result.errors()) {
            System.out.println(e);
        }
    }
}
