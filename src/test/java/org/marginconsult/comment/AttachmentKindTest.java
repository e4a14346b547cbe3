package org.marginconsult.comment;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttachmentKindTest {

    static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Our answer to question 2.1");
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Impact").createRow(0).createCell(0).setCellValue(1_250_000.50);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aWordDocumentIsRecognisedByItsPackageParts() throws IOException {
        assertEquals(Optional.of(AttachmentKind.DOCX), AttachmentKind.detect(docx()));
    }

    @Test
    void aSpreadsheetIsRecognisedByItsPackageParts() throws IOException {
        assertEquals(Optional.of(AttachmentKind.XLSX), AttachmentKind.detect(xlsx()));
    }

    @Test
    void aPdfIsRecognisedByItsHeader() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of(AttachmentKind.PDF), AttachmentKind.detect(pdf));
    }

    @Test
    void commaSeparatedTextWithEvenRowsIsCsv() {
        byte[] csv = "account,margin_today,margin_proposal\n\"Securities, US\",1200000.00,950000.00\nFutures,800000,640000\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of(AttachmentKind.CSV), AttachmentKind.detect(csv));
    }

    @Test
    void proseIsNotCsvEvenWhenNamedSo() {
        assertEquals(Optional.empty(), AttachmentKind.detect("Dear Secretary,\nwe write to comment.\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anExecutableIsRefusedWhateverItsName() {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        assertEquals(Optional.empty(), AttachmentKind.detect(exe));
    }

    @Test
    void aZipThatIsNotAnOfficeDocumentIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.exe"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertEquals(Optional.empty(), AttachmentKind.detect(out.toByteArray()));
    }

    @Test
    void binaryDataWithControlCharactersIsNotCsv() {
        assertEquals(Optional.empty(), AttachmentKind.detect(new byte[] {'a', ',', 'b', 0, '\n', 'c', ',', 'd'}));
        assertEquals(Optional.empty(), AttachmentKind.detect(new byte[] {(byte) 0xc3, (byte) 0x28, ',', 'x'}));
    }
}
