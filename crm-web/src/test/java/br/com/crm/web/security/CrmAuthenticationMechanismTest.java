package br.com.crm.web.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CrmAuthenticationMechanismTest {

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesBasicCredentialsWithColonsAndAccentsInThePassword() {
        var credential = CrmAuthenticationMechanism.decodeBasic(encode("joão:se:nhá"));

        assertThat(credential.getCaller()).isEqualTo("joão");
        assertThat(credential.getPasswordAsString()).isEqualTo("se:nhá");
    }

    @Test
    void refusesMalformedBasicCredentials() {
        assertThat(CrmAuthenticationMechanism.decodeBasic("not base64 !")).isNull();
        assertThat(CrmAuthenticationMechanism.decodeBasic(encode("no-colon"))).isNull();
        assertThat(CrmAuthenticationMechanism.decodeBasic(encode(":password-without-user"))).isNull();
    }
}
