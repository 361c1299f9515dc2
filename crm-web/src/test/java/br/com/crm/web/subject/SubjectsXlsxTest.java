package br.com.crm.web.subject;

import br.com.crm.funnel.boundary.SubjectExports;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.entity.Outcome;
import jakarta.ejb.EJBException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subjects' workbook as Excel reads it back (with Apache POI, another library than the one that wrote it). */
class SubjectsXlsxTest {

    /** More rows than two of the writer's windows, so rows written before and after a flush are both read. */
    private static final int ROWS = 2 * SubjectsXlsx.WINDOW + 50;

    /** The rows a filter would select, made here: the writer is what is tested, not the query. */
    private static final SubjectExports EXPORTS = new SubjectExports() {
        @Override
        public long each(SubjectFilter filter, Consumer<Row> sink) {
            OffsetDateTime created = OffsetDateTime.of(2026, 12, 1, 13, 30, 0, 0, ZoneOffset.UTC);
            for (int i = 1; i <= ROWS; i++) {
                sink.accept(new Row(i, i == 1 ? "=HYPERLINK(\"http://x\")<b>\u0007" : "Assunto " + i,
                        "Cliente " + i, i % 2 == 0 ? null : "12.345.678/0001-95", "Proposta",
                        i == 2 ? Outcome.WON : null, i == 3 ? null : new BigDecimal("1234.50"),
                        LocalDate.of(2026, 12, 31), "Ana", i == 4, created, created.plusHours(1)));
            }
            return ROWS;
        }
    };

    @Test
    void everyRowIsWrittenWithNumbersAsNumbersAndDatesAsDates() throws IOException {
        try (XSSFWorkbook workbook = write()) {
            XSSFSheet sheet = workbook.getSheet("Assuntos");
            assertThat(sheet.getLastRowNum()).isEqualTo(ROWS);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Título");
            assertThat(sheet.getRow(0).getCell(1).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            for (int r : new int[] {1, SubjectsXlsx.WINDOW, SubjectsXlsx.WINDOW + 1, ROWS}) {
                var row = sheet.getRow(r);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(r);
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Cliente " + r);
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(1234.5);
                assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
                assertThat(row.getCell(7).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 31, 0, 0));
                // São Paulo's time, as the pages show it.
                assertThat(row.getCell(10).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 30));
                assertThat(row.getCell(11).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 1, 11, 30));
            }
        }
    }

    @Test
    void emptyFieldsStayEmptyAndLabelsComeFromTheReadersLanguage() throws IOException {
        try (XSSFWorkbook workbook = write()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(3)).as("no CPF/CNPJ").isNull();
            assertThat(sheet.getRow(3).getCell(6)).as("no value").isNull();
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Ganho");
            assertThat(sheet.getRow(4).getCell(9).getStringCellValue()).isEqualTo("Sim");
            assertThat(sheet.getRow(5).getCell(9).getStringCellValue()).isEqualTo("Não");
        }
    }

    @Test
    void aTitleThatLooksLikeAFormulaOrMarkupStaysTextAndCharactersXmlCannotHoldAreDropped() throws IOException {
        try (XSSFWorkbook workbook = write()) {
            var title = workbook.getSheetAt(0).getRow(1).getCell(1);
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")<b>");
        }
    }

    @Test
    void aResponseThatFailsMidwayIsAnIoErrorForTheCallerEvenThroughTheBoundarysWrapping() {
        SubjectExports wrapping = new SubjectExports() {
            @Override
            public long each(SubjectFilter filter, Consumer<Row> sink) {
                try {
                    return EXPORTS.each(filter, sink);
                } catch (RuntimeException e) {
                    throw new EJBException(e);
                }
            }
        };
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        assertThatThrownBy(() -> SubjectsXlsx.write(wrapping, null, Locale.forLanguageTag("pt-BR"), gone))
                .isInstanceOf(IOException.class).hasMessage("Broken pipe");
    }

    private static XSSFWorkbook write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = SubjectsXlsx.write(EXPORTS, null, Locale.forLanguageTag("pt-BR"), out);
        assertThat(rows).isEqualTo(ROWS);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }
}
