package br.com.crm.web.shell;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class OutputEscapingTest {

    @Test
    void csvCellsThatASpreadsheetWouldRunStayText() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\";\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"");
        assertThat(Csv.cell("+55 11 9999")).isEqualTo("'+55 11 9999");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.cell("Licenças; 2027")).isEqualTo("\"Licenças; 2027\"");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void jsonInAScriptBlockCannotEndItAndMeansTheSame() {
        String json = Json.createObjectBuilder().add("label", "</script><img src=x onerror=alert(1)>&\u2028")
                .build().toString();
        String safe = ScriptJson.safe(json);
        assertThat(safe).doesNotContain("<", ">", "&", "\u2028");
        assertThat(Json.createReader(new StringReader(safe)).readObject().getString("label"))
                .isEqualTo("</script><img src=x onerror=alert(1)>&\u2028");
    }
}
