package br.com.crm.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void plainTextLineBreaksTabsAccentsAndEmojiAreAccepted() {
        assertThat(Text.forbiddenAt("São João\tR$ 1.500,00\r\nLinha 2 \uD83D\uDE00 ção")).isEqualTo(-1);
        assertThat(Text.forbiddenAt(null)).isEqualTo(-1);
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreFoundWhereTheyAre() {
        assertThat(Text.forbiddenAt("ab\u0000c")).isEqualTo(2);
        assertThat(Text.forbiddenAt("\u001b[31m")).isZero();
        assertThat(Text.forbiddenAt("x\u007f")).isEqualTo(1);
        assertThat(Text.forbiddenAt("x\u0085")).isEqualTo(1);
        assertThat(Text.forbiddenAt("a\uD83D")).isEqualTo(1);
        assertThat(Text.forbiddenAt("a\uDE00b")).isEqualTo(1);
    }
}
