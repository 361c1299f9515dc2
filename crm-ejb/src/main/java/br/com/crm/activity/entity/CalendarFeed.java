package br.com.crm.activity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * A user's private calendar feed: the secret token in its address, which Outlook, Google Calendar or Thunderbird
 * fetch without a session. Whoever has the address reads the user's activities, so the token is 256 random bits,
 * and a new one ({@link #renew}) is the way to take the address back.
 */
@Entity
@Table(name = "crm_calendar_feed")
@NamedQuery(name = CalendarFeed.BY_TOKEN, query = "select f from CalendarFeed f where f.token = :token")
public class CalendarFeed {

    public static final String BY_TOKEN = "CalendarFeed.byToken";

    /** 32 random bytes in URL-safe Base64 without padding. */
    public static final int TOKEN_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, unique = true, length = TOKEN_LENGTH)
    private String token;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CalendarFeed() {
        // for JPA
    }

    public CalendarFeed(long userId, OffsetDateTime at) {
        this.userId = userId;
        renew(at);
    }

    /** A new secret address: the old one stops working. */
    public void renew(OffsetDateTime at) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.createdAt = at;
    }

    /** Whether {@code text} could be a token at all (checked before any query). */
    public static boolean mayBeToken(String text) {
        return text != null && text.length() == TOKEN_LENGTH && text.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    public Long getUserId() {
        return userId;
    }

    public String getToken() {
        return token;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
