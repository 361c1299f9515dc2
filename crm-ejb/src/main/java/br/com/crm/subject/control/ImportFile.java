package br.com.crm.subject.control;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file of subjects (and their customers) as people make them: UTF-8 with ',' and decimal points, or what
 * Excel in Portuguese saves (';', decimal comma, often Windows-1252). The dialect and the encoding are recognised,
 * the header names the columns (Portuguese or English, accents and case ignored, in any order). Values stay text
 * here; {@link #amount} and {@link #date} read numbers and dates in the file's dialect.
 */
public final class ImportFile {

    public static final int MAX_LINES = 20_000;

    /** The columns a file may have; {@code required} ones must be in the header. */
    public enum Column {
        KEY(true, "chave", "key", "external_key"),
        TITLE(true, "titulo", "title", "assunto"),
        CUSTOMER(true, "cliente", "customer"),
        TAX_ID(false, "cpf_cnpj", "cpf/cnpj", "cnpj", "cpf", "tax_id"),
        EMAIL(false, "email", "e-mail"),
        PHONE(false, "telefone", "phone"),
        STAGE(false, "etapa", "stage"),
        RESPONSIBLE(false, "responsavel", "responsible"),
        AMOUNT(false, "valor", "value", "amount"),
        EXPECTED_CLOSE(false, "previsao_de_fechamento", "previsao_fechamento", "previsao", "expected_close"),
        DESCRIPTION(false, "descricao", "description"),
        TAGS(false, "marcadores", "tags");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        static Column named(String header) {
            String name = Text.searchable(header).replace(' ', '_').replace('-', '_');
            for (Column column : values()) {
                if (column.names.contains(name) || column.names.contains(name.replace('_', '-'))) {
                    return column;
                }
            }
            return null;
        }
    }

    /** The two dialects: separator and decimal mark. */
    public enum Dialect {
        EXCEL_PT_BR(';'), STANDARD(',');

        final char separator;

        Dialect(char separator) {
            this.separator = separator;
        }
    }

    /** One data line: its number in the file (the header is line 1) and its values by column. */
    public record Line(long number, Map<Column, String> values) {
        /** The value, stripped; {@code null} when absent or blank. */
        public String get(Column column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final Dialect dialect;
    private final List<Line> lines;

    private ImportFile(Dialect dialect, List<Line> lines) {
        this.dialect = dialect;
        this.lines = lines;
    }

    /** @throws BusinessException when the file is empty, not CSV, too long or lacks a required column */
    public static ImportFile parse(byte[] content) {
        String text = decode(content);
        if (text.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "import.file.empty", "file");
        }
        String header = text.lines().findFirst().orElse("");
        Dialect dialect = count(header, ';') > count(header, ',') ? Dialect.EXCEL_PT_BR : Dialect.STANDARD;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(dialect.separator).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            // Record by record: a file past the line cap is refused at its first extra line, not after parsing all.
            Map<Integer, Column> columns = null;
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = columns(record);
                    continue;
                }
                if (lines.size() == MAX_LINES) {
                    throw new BusinessException(BusinessException.Kind.INVALID, "import.file.tooLong", "file",
                            MAX_LINES);
                }
                Map<Column, String> values = new EnumMap<>(Column.class);
                Map<Integer, Column> known = columns;
                known.forEach((index, column) -> {
                    if (index < record.size()) {
                        values.put(column, record.get(index));
                    }
                });
                lines.add(new Line(record.getRecordNumber(), values));
            }
            return new ImportFile(dialect, lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            // The parser's own words name its classes: the user reads that the file is not CSV.
            throw new BusinessException(BusinessException.Kind.INVALID, "import.file.unreadable", "file", "CSV");
        }
    }

    private static Map<Integer, Column> columns(CSVRecord header) {
        Map<Integer, Column> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = Column.named(header.get(i));
            if (column != null) {
                columns.put(i, column);
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsValue(column)) {
                throw new BusinessException(BusinessException.Kind.INVALID, "import.column.missing", "file",
                        column.names.get(0));
            }
        }
        return columns;
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise what Excel on Windows writes. */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    public Dialect dialect() {
        return dialect;
    }

    public List<Line> lines() {
        return lines;
    }

    /**
     * A number in the file's dialect ("1.234,56" in Excel pt-BR, "1234.56" otherwise); "R$" and spaces allowed.
     *
     * @throws NumberFormatException when it is not one
     */
    public BigDecimal amount(String value) {
        String number = value.replace("R$", "").replace("\u00A0", "").replace(" ", "");
        if (dialect == Dialect.EXCEL_PT_BR) {
            if (!number.matches("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?")) {
                throw new NumberFormatException(value);
            }
            number = number.replace(".", "").replace(',', '.');
        } else {
            if (!number.matches("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?")) {
                throw new NumberFormatException(value);
            }
            number = number.replace(",", "");
        }
        return new BigDecimal(number);
    }

    private static final DateTimeFormatter BRAZILIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /**
     * A date as dd/mm/yyyy or yyyy-mm-dd.
     *
     * @throws DateTimeParseException when it is neither
     */
    public static LocalDate date(String value) {
        return value.contains("/") ? LocalDate.parse(value, BRAZILIAN_DATE.withResolverStyle(
                ResolverStyle.STRICT)) : LocalDate.parse(value);
    }
}
