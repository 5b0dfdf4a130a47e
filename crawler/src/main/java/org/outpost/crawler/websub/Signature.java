package org.outpost.crawler.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code X-Hub-Signature: <method>=<hex>} of a content distribution (WebSub §8): the HMAC of the
 * raw body with the subscription's secret, by SHA-1, SHA-256, SHA-384 or SHA-512, whichever the
 * hub chose. Compared in constant time, so the time an answer takes says nothing about how much
 * of a forged signature was right.
 */
public final class Signature {

    private static final Map<String, String> METHODS = Map.of(
            "sha1", "HmacSHA1",
            "sha256", "HmacSHA256",
            "sha384", "HmacSHA384",
            "sha512", "HmacSHA512");

    private Signature() {}

    /** Whether the header is a valid signature of the body with the secret; false when missing or malformed. */
    public static boolean valid(@Nullable String header, byte[] body, String secret) {
        if (header == null) {
            return false;
        }
        int equals = header.indexOf('=');
        if (equals <= 0) {
            return false;
        }
        String algorithm = METHODS.get(header.substring(0, equals).strip().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(equals + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(algorithm, secret, body), given);
    }

    /** {@code sha256=<hex>} of the body: what a hub sends (tests and tools). */
    public static String sign(String method, byte[] body, String secret) {
        String algorithm = METHODS.get(method);
        if (algorithm == null) {
            throw new IllegalArgumentException("unknown signature method " + method);
        }
        return method + "=" + HexFormat.of().formatHex(hmac(algorithm, secret, body));
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e); // every JDK has these four
        }
    }
}
