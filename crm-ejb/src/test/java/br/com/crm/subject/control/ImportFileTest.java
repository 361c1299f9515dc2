package br.com.crm.subject.control;

import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.control.ImportFile.Column;
import br.com.crm.subject.control.ImportFile.Dialect;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportFileTest {

    @Test
    void readsWhatExcelInPortugueseSaves() {
        String text = "Chave;Título;Cliente;Valor;Previsão de fechamento\r\n"
                + "k1;\"Licenças; suporte\";Ação Ltda;1.234,56;31/12/2026\r\n";
        ImportFile file = ImportFile.parse(text.getBytes(Charset.forName("windows-1252")));

        assertThat(file.dialect()).isEqualTo(Dialect.EXCEL_PT_BR);
        ImportFile.Line line = file.lines().get(0);
        assertThat(line.number()).isEqualTo(2);
        assertThat(line.get(Column.TITLE)).isEqualTo("Licenças; suporte");
        assertThat(line.get(Column.CUSTOMER)).isEqualTo("Ação Ltda");
        assertThat(file.amount(line.get(Column.AMOUNT))).isEqualByComparingTo("1234.56");
        assertThat(ImportFile.date(line.get(Column.EXPECTED_CLOSE))).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void readsUtf8WithCommasAndABom() {
        String text = "\uFEFFkey,title,customer,amount\n k1 , Plano ,João,\"1,500.75\"\n";
        ImportFile file = ImportFile.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(file.dialect()).isEqualTo(Dialect.STANDARD);
        assertThat(file.lines().get(0).get(Column.KEY)).isEqualTo("k1");
        assertThat(file.lines().get(0).get(Column.CUSTOMER)).isEqualTo("João");
        assertThat(file.amount(file.lines().get(0).get(Column.AMOUNT))).isEqualByComparingTo("1500.75");
    }

    @Test
    void refusesNumbersAndDatesOfTheWrongShape() {
        ImportFile pt = ImportFile.parse("chave;titulo;cliente\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> pt.amount("12,34,5")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> pt.amount("1,234.56")).isInstanceOf(NumberFormatException.class);
        assertThat(pt.amount("R$ 99,90")).isEqualByComparingTo("99.90");
        assertThatThrownBy(() -> ImportFile.date("31/02/2027")).isInstanceOf(DateTimeParseException.class);
        assertThat(ImportFile.date("2027-02-28")).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void namesTheMissingRequiredColumn() {
        assertThatThrownBy(() -> ImportFile.parse("titulo;cliente\nA;B\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.getMessageKey()).isEqualTo("import.column.missing");
                    assertThat(e.getArguments()).containsExactly("chave");
                });
        assertThatThrownBy(() -> ImportFile.parse(new byte[0])).isInstanceOf(BusinessException.class);
    }
}
