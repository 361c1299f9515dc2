package br.com.crm.web.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStringsTest {

    @Test
    void aQueryParameterWithAControlCharacterOrThatDoesNotDecodeIsNamed() {
        assertThat(QueryStrings.badParameter(null)).isNull();
        assertThat(QueryStrings.badParameter("q=s%C3%A3o+jo%C3%A3o&tag=1&tag=2&archived")).isNull();
        assertThat(QueryStrings.badParameter("limit=2&q=a%00b")).isEqualTo("q");
        assertThat(QueryStrings.badParameter("user=%1B%5B31m")).isEqualTo("user");
        assertThat(QueryStrings.badParameter("from=2026-01-01&to=%zz")).isEqualTo("to");
        assertThat(QueryStrings.badParameter("a%00=1")).isEqualTo("?");
    }
}
