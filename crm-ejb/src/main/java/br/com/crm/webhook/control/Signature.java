package br.com.crm.webhook.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a delivery, in its {@value #HEADER} header: {@code sha256=} and the hex HMAC-SHA256, keyed by
 * the endpoint's secret, of the attempt's timestamp (seconds since the epoch, also sent in {@value #TIMESTAMP}), a
 * dot, and the body as sent. The timestamp is signed so a receiver can refuse an old delivery replayed.
 */
public final class Signature {

    public static final String HEADER = "X-Crm-Signature";
    public static final String TIMESTAMP = "X-Crm-Timestamp";
    public static final String DELIVERY = "X-Crm-Delivery";
    public static final String EVENT = "X-Crm-Event";
    private static final String ALGORITHM = "HmacSHA256";

    private Signature() {
    }

    /** The header's value for this body sent at {@code timestamp}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does: sign again and compare in constant time. */
    public static boolean verify(String secret, long timestamp, String body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                header.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
