package br.com.crm.web.report;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A report's sheet as Excel reads it back (with Apache POI, another library than the one that wrote it). */
class SheetTest {

    private final Sheet sheet = new Sheet("Relatório de CRM", "de 01/12/2026", List.of(
            List.of("Etapa", "Assuntos", "Valor"),
            List.of("=HYPERLINK(\"http://x\")", 3L, new BigDecimal("1234.5")),
            List.of("<b>Proposta</b>\u0007", 0L, BigDecimal.ZERO),
            List.of("Total", 3L, new BigDecimal("1234.5"))));

    @Test
    void countsAndValuesAreNumbersAndValuesShowTwoDecimals() throws IOException {
        try (XSSFWorkbook workbook = read()) {
            XSSFSheet first = workbook.getSheet("Relatório de CRM");
            assertThat(first.getLastRowNum()).isEqualTo(3);
            var count = first.getRow(1).getCell(1);
            assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(count.getNumericCellValue()).isEqualTo(3.0);
            var value = first.getRow(1).getCell(2);
            assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(value.getNumericCellValue()).isEqualTo(1234.5);
            assertThat(value.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getRow(3).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void headerFirstColumnAndTotalsAreBoldAndTheHeaderAndNamesStayInView() throws IOException {
        try (XSSFWorkbook workbook = read()) {
            XSSFSheet first = workbook.getSheetAt(0);
            assertThat(first.getRow(0).getCell(1).getCellStyle().getFont().getBold()).isTrue();
            assertThat(first.getRow(1).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(first.getRow(3).getCell(2).getCellStyle().getFont().getBold()).isTrue();
            assertThat(first.getRow(1).getCell(1).getCellStyle().getFont().getBold()).isFalse();
            assertThat(first.getPaneInformation().isFreezePane()).isTrue();
            assertThat(first.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 1);
            assertThat(first.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }

    @Test
    void textThatLooksLikeAFormulaOrMarkupStaysTextAndCharactersXmlCannotHoldAreDropped() throws IOException {
        try (XSSFWorkbook workbook = read()) {
            XSSFSheet first = workbook.getSheetAt(0);
            var formula = first.getRow(1).getCell(0);
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(first.getRow(2).getCell(0).getStringCellValue()).isEqualTo("<b>Proposta</b>");
        }
    }

    private XSSFWorkbook read() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.write(Sheet.Format.XLSX, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }
}
