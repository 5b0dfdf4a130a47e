package org.outpost.crawler.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** X-Hub-Signature (WebSub §8): the HMAC of the raw body with the subscription's secret. */
class SignatureTest {

    private static final byte[] BODY = "<feed>news</feed>".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "s3cret";

    @Test
    void acceptsEachMethodWebSubAllows() {
        for (String method : new String[] {"sha1", "sha256", "sha384", "sha512"}) {
            assertThat(Signature.valid(Signature.sign(method, BODY, SECRET), BODY, SECRET))
                    .as(method)
                    .isTrue();
        }
    }

    @Test
    void matchesAKnownHmac() {
        // HMAC-SHA256("s3cret", "<feed>news</feed>"), computed with openssl dgst -sha256 -hmac s3cret
        String known = "3089377db92a3f85ba50a55527deee534797e8a388229a71fdb41c9d0e3849d3";
        assertThat(Signature.sign("sha256", BODY, SECRET)).isEqualTo("sha256=" + known);
        assertThat(Signature.valid("SHA256=" + known.toUpperCase(java.util.Locale.ROOT), BODY, SECRET))
                .isTrue();
    }

    @Test
    void refusesAWrongSecretAChangedBodyAndMalformedOrMissingHeaders() {
        String signed = Signature.sign("sha256", BODY, SECRET);

        assertThat(Signature.valid(signed, BODY, "other")).isFalse();
        assertThat(Signature.valid(signed, "<feed>news!</feed>".getBytes(StandardCharsets.UTF_8), SECRET))
                .isFalse();
        assertThat(Signature.valid(null, BODY, SECRET)).isFalse();
        assertThat(Signature.valid("", BODY, SECRET)).isFalse();
        assertThat(Signature.valid("sha256", BODY, SECRET)).isFalse();
        assertThat(Signature.valid("sha256=zz", BODY, SECRET)).isFalse();
        assertThat(Signature.valid("md5=" + signed.substring(7), BODY, SECRET)).isFalse();
        assertThat(Signature.valid(signed.substring(0, signed.length() - 2), BODY, SECRET))
                .isFalse();
    }
}
