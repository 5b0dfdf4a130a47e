package org.outpost.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final String TAJIK_NEWS_RU =
            "В Душанбе прошло совещание по вопросам безопасности на таджикско-афганской границе, "
                    + "сообщает пресс-служба министерства.";

    @Test
    void byteOrderMarksSelectUtf8AndUtf16() {
        assertThat(TextDecoder.decode(
                        withPrefix(
                                new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                                TAJIK_NEWS_RU.getBytes(StandardCharsets.UTF_8)),
                        null))
                .isEqualTo(TAJIK_NEWS_RU);
        assertThat(TextDecoder.decode(
                        withPrefix(
                                new byte[] {(byte) 0xff, (byte) 0xfe},
                                TAJIK_NEWS_RU.getBytes(StandardCharsets.UTF_16LE)),
                        null))
                .isEqualTo(TAJIK_NEWS_RU);
        assertThat(TextDecoder.decode(
                        withPrefix(
                                new byte[] {(byte) 0xfe, (byte) 0xff},
                                TAJIK_NEWS_RU.getBytes(StandardCharsets.UTF_16BE)),
                        null))
                .isEqualTo(TAJIK_NEWS_RU);
    }

    @Test
    void metaCharsetAndHttpEquivAreHonoured() {
        String metaCharset = "<html><head><meta charset=\"koi8-r\"></head><body>" + TAJIK_NEWS_RU + "</body></html>";
        String httpEquiv = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + "</head><body>" + TAJIK_NEWS_RU + "</body></html>";

        assertThat(TextDecoder.decode(metaCharset.getBytes(TextDecoder.KOI8_R), null))
                .isEqualTo(metaCharset);
        assertThat(TextDecoder.decode(httpEquiv.getBytes(TextDecoder.WINDOWS_1251), null))
                .isEqualTo(httpEquiv);
    }

    @Test
    void xmlDeclarationIsHonoured() {
        String rss = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>" + TAJIK_NEWS_RU + "</title></rss>";

        assertThat(TextDecoder.decode(rss.getBytes(TextDecoder.WINDOWS_1251), null))
                .isEqualTo(rss);
    }

    @Test
    void headerCharsetBeatsBomAndDeclaration() {
        byte[] body = "<meta charset=\"utf-8\">caf\u00e9".getBytes(TextDecoder.WINDOWS_1252);

        assertThat(TextDecoder.decode(body, TextDecoder.WINDOWS_1252)).endsWith("caf\u00e9");
    }

    @Test
    void undeclaredTextIsDetected() {
        assertThat(TextDecoder.decode(TAJIK_NEWS_RU.getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(TAJIK_NEWS_RU);
        assertThat(TextDecoder.decode(TAJIK_NEWS_RU.getBytes(TextDecoder.WINDOWS_1251), null))
                .isEqualTo(TAJIK_NEWS_RU);
        assertThat(TextDecoder.decode(TAJIK_NEWS_RU.getBytes(TextDecoder.KOI8_R), null))
                .isEqualTo(TAJIK_NEWS_RU);
        String western = "Le caf\u00e9 \u00e0 c\u00f4t\u00e9 de la fa\u00e7ade, se\u00f1or M\u00fcller.";
        assertThat(TextDecoder.decode(western.getBytes(TextDecoder.WINDOWS_1252), null))
                .isEqualTo(western);
    }

    @Test
    void garbageNeverThrows() {
        byte[] noise = new byte[256];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) i;
        }

        assertThat(TextDecoder.decode(noise, null)).isNotNull();
        assertThat(TextDecoder.decode(new byte[0], null)).isEmpty();
    }

    private static byte[] withPrefix(byte[] prefix, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(rest);
        return out.toByteArray();
    }
}
