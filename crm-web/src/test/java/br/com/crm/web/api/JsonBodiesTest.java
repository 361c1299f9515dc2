package br.com.crm.web.api;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonBodiesTest {

    private static JsonBodies.BadRequestBody refusal(String body) {
        return catchThrowableOfType(() -> JsonBodies.check(body.getBytes(StandardCharsets.UTF_8)),
                JsonBodies.BadRequestBody.class);
    }

    @Test
    void wellFormedBodiesPass() {
        assertThatCode(() -> JsonBodies.check("{\"title\":\"Licenças\\nano\\t2027\",\"items\":[{\"q\":1}]}"
                .getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
        assertThatCode(() -> JsonBodies.check(new byte[0])).doesNotThrowAnyException();
    }

    @Test
    void controlCharactersAreRefusedNamingTheFieldEvenNested() {
        assertThat(refusal("{\"title\":\"a\\u0000b\"}").field()).isEqualTo("title");
        assertThat(refusal("{\"items\":[{\"q\":1},{\"description\":\"\\u001b[2J\"}]}").field())
                .isEqualTo("items.1.description");
        assertThat(refusal("{\"filter\":{\"q\":\"\\ud800\"}}").field()).isEqualTo("filter.q");
        assertThat(refusal("[1,\"\\u0007\"]").field()).isEqualTo("1");
    }

    @Test
    void malformedDeepOrNonUtf8BodiesAreRefused() {
        assertThat(refusal("{").messageKey()).isEqualTo("api.body.malformed");
        assertThat(refusal("{\"a\":1}}").messageKey()).isEqualTo("api.body.malformed");
        assertThat(refusal("[".repeat(100) + "]".repeat(100)).messageKey()).isEqualTo("api.body.depth");
        assertThat(catchThrowableOfType(() -> JsonBodies.check(new byte[]{'"', (byte) 0xC3, (byte) 0x28, '"'}),
                JsonBodies.BadRequestBody.class).messageKey()).isEqualTo("api.body.encoding");
        assertThat(refusal("{\"t\":\"" + "x".repeat(JsonBodies.MAX_TEXT + 1) + "\"}").field()).isEqualTo("t");
    }

    record Line(String description, int quantity) {
    }

    record Order(String title, List<Line> items, Map<String, Object> extra) {
    }

    private static JsonBodies.BadRequestBody unknown(String body) {
        return catchThrowableOfType(() -> JsonBodies.refuseUnknownFields(Json.createReader(new StringReader(body))
                .readValue(), Order.class, null), JsonBodies.BadRequestBody.class);
    }

    @Test
    void aFieldTheRecordDoesNotHaveIsRefusedNamingItEvenInAList() {
        assertThatCode(() -> JsonBodies.refuseUnknownFields(Json.createReader(new StringReader(
                "{\"title\":\"t\",\"items\":[{\"description\":\"d\",\"quantity\":1}],\"extra\":{\"any\":1}}"))
                .readValue(), Order.class, null)).as("a map takes any key").doesNotThrowAnyException();
        assertThat(unknown("{\"title\":\"t\",\"value\":1}").field()).isEqualTo("value");
        assertThat(unknown("{\"items\":[{\"quantity\":1},{\"qty\":2}]}").field()).isEqualTo("items.1.qty");
        assertThat(unknown("{\"value\":1}").messageKey()).isEqualTo("api.body.unknownField");
        for (String other : new String[]{"1", "\"x\"", "[]", "null"}) {
            assertThatCode(() -> JsonBodies.refuseUnknownFields(other.getBytes(StandardCharsets.UTF_8), Order.class))
                    .as("not an object: left to the binding, which refuses it").doesNotThrowAnyException();
        }
    }
}
