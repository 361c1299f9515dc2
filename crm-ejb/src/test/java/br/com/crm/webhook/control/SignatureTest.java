package br.com.crm.webhook.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTest {

    private static final String SECRET = "whsec_0123456789abcdef";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"subject.created\",\"data\":{\"title\":\"Câmbio\"}}";

    @Test
    void theSignatureIsTheHmacSha256OfTimestampDotBodyInHex() {
        // printf '%s' '1764777600.{"id":"e1","type":"subject.created"}' | openssl dgst -sha256 -hmac 'whsec_0123456789abcdef'
        assertThat(Signature.sign(SECRET, 1_764_777_600L, "{\"id\":\"e1\",\"type\":\"subject.created\"}"))
                .isEqualTo("sha256=9b6c0177f76789acc72084456bcd1c04a4e953014e3361d3e6f50e385d5b35ec");
    }

    @Test
    void theReceiverVerifiesWithTheSecretAndOnlyWithIt() {
        long timestamp = 1_764_777_600L;
        String header = Signature.sign(SECRET, timestamp, BODY);

        assertThat(Signature.verify(SECRET, timestamp, BODY, header)).isTrue();
        assertThat(Signature.verify(SECRET, timestamp, BODY, " " + header + " ")).isTrue();
        assertThat(Signature.verify("whsec_other", timestamp, BODY, header)).as("another secret").isFalse();
        assertThat(Signature.verify(SECRET, timestamp + 1, BODY, header)).as("another timestamp").isFalse();
        assertThat(Signature.verify(SECRET, timestamp, BODY.replace("Câmbio", "Cambio"), header))
                .as("another body").isFalse();
        assertThat(Signature.verify(SECRET, timestamp, BODY, null)).isFalse();
        assertThat(Signature.verify(SECRET, timestamp, BODY, "sha256=")).isFalse();
    }
}
