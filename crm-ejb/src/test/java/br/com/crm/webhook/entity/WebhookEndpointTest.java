package br.com.crm.webhook.entity;

import br.com.crm.kernel.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEndpointTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"http://erp.local/crm", "https://10.0.0.7:8443/hooks?x=1", "HTTPS://Integra.Empresa/x",
            "http://127.0.0.1:9000/"})
    void httpAndHttpsAddressesIntranetOnesTooAreTaken(String url) {
        assertThat(WebhookEndpoint.checkedUrl("  " + url + " ")).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://erp.local/x", "javascript:alert(1)", "file:///etc/passwd", "erp.local/x",
            "mailto:a@b.c"})
    void otherSchemesAreRefused(String url) {
        assertRefused(url, "webhook.url.scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:pass@erp.local/x", "http://user@erp.local/", "http://@erp.local/"})
    void credentialsInTheAddressAreRefused(String url) {
        assertRefused(url, "webhook.url.credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://", "http:///x", "http://erp.local/#x", "http://erp local/", "http://[::1/"})
    void brokenAddressesAreRefused(String url) {
        assertRefused(url, "webhook.url.invalid");
    }

    @Test
    void anAddressIsBoundedAndRequired() {
        assertRefused("http://erp.local/" + "x".repeat(WebhookEndpoint.URL_LENGTH), "webhook.url.tooLong");
        assertRefused("   ", "webhook.url.required");
        assertRefused(null, "webhook.url.required");
    }

    @Test
    void eventsAreKnownTypesAndTheTestEventIsNotOneToAskFor() {
        assertThat(WebhookEndpoint.subscribed(List.of("subject.moved", " subject.created", "subject.moved")))
                .containsExactlyInAnyOrder(WebhookEvent.SUBJECT_MOVED, WebhookEvent.SUBJECT_CREATED);
        assertThatThrownBy(() -> WebhookEndpoint.subscribed(List.of("subject.exploded")))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getField()).isEqualTo("events"));
        assertThatThrownBy(() -> WebhookEndpoint.subscribed(List.of("webhook.test")))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> WebhookEndpoint.subscribed(List.of()))
                .hasMessageStartingWith("webhook.events.required");
        assertThatThrownBy(() -> WebhookEndpoint.subscribed(Arrays.asList("subject.moved", null)))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void aNewEndpointHasAStrongSecretThatARenewalReplacesAndNoStringShows() {
        WebhookEndpoint endpoint = new WebhookEndpoint("ERP", "https://erp.local/x", List.of("subject.won"), true,
                NOW, "admin");
        String secret = endpoint.getSecret();
        assertThat(secret).matches("whsec_[0-9a-f]{64}");
        assertThat(endpoint.renewSecret()).isNotEqualTo(secret).isEqualTo(endpoint.getSecret());
        assertThat(endpoint.toString()).doesNotContain(endpoint.getSecret());
        assertThat(endpoint.wants(WebhookEvent.SUBJECT_WON)).isTrue();
        assertThat(endpoint.wants(WebhookEvent.SUBJECT_LOST)).isFalse();
        assertThat(endpoint.wants(WebhookEvent.TEST)).as("a test goes to any endpoint").isTrue();
    }

    @Test
    void aDeliveryIsClaimedOnceUntilItsLeaseAndRetriedOrGivenUp() {
        WebhookDelivery delivery = new WebhookDelivery(1L, "d-1", WebhookEvent.SUBJECT_MOVED, 7L, "{}", NOW);
        assertThat(delivery.claim(NOW, Duration.ofMinutes(5))).isTrue();
        assertThat(delivery.claim(NOW.plusMinutes(1), Duration.ofMinutes(5))).as("leased").isFalse();
        assertThat(delivery.claim(NOW.plusMinutes(6), Duration.ofMinutes(5))).as("a dead sender's, past its lease")
                .isTrue();
        delivery.failed(500, "x".repeat(5000), "HTTP 500", NOW.plusMinutes(6), Duration.ofSeconds(30));
        assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(delivery.getLastAnswer()).hasSize(WebhookDelivery.ANSWER_LENGTH);
        assertThat(delivery.resend(NOW)).as("only a failed one").isFalse();
        delivery.failed(null, null, "refused", NOW.plusMinutes(7), null);
        assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.resend(NOW.plusMinutes(8))).isTrue();
        assertThat(delivery.getAttempts()).isZero();
        assertThat(delivery.getDeliveryId()).isEqualTo("d-1");
    }

    private static void assertRefused(String url, String key) {
        assertThatThrownBy(() -> WebhookEndpoint.checkedUrl(url))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.getMessageKey()).isEqualTo(key);
                    assertThat(e.getField()).isEqualTo("url");
                });
    }
}
