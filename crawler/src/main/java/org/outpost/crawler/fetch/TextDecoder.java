package org.outpost.crawler.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a body into text. Order, as browsers do it: the HTTP header charset, a byte-order mark,
 * an in-document declaration within the first 4 KB, then detection (UTF-8 if the bytes are valid
 * UTF-8, otherwise windows-1251 or KOI8-R by Cyrillic letter statistics, else windows-1252).
 * Regional news sites still serve legacy Cyrillic encodings without declaring them, which is why
 * detection cares about exactly those two.
 */
public final class TextDecoder {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int DECLARATION_WINDOW = 4096;

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);

    // The most frequent lowercase letters of Russian and Tajik prose.
    private static final String FREQUENT = "оеаинтсрвлкмдпуяыгзбч";

    private TextDecoder() {}

    public static String decode(byte[] body, @Nullable Charset headerCharset) {
        try {
            if (headerCharset != null) {
                return new String(body, headerCharset);
            }
            if (startsWith(body, 0xef, 0xbb, 0xbf)) {
                return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
            }
            if (startsWith(body, 0xff, 0xfe)) {
                return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
            }
            if (startsWith(body, 0xfe, 0xff)) {
                return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
            }
            return new String(body, guess(body));
        } catch (RuntimeException e) {
            // Exotic charsets can throw from their decoders; text() promises never to throw.
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static Charset guess(byte[] body) {
        Charset declared = declared(body);
        if (declared != null) {
            return declared;
        }
        if (isValidUtf8(body)) {
            return StandardCharsets.UTF_8;
        }
        int score1251 = cyrillicScore(new String(body, WINDOWS_1251));
        int scoreKoi8 = cyrillicScore(new String(body, KOI8_R));
        int best = Math.max(score1251, scoreKoi8);
        // Western text with a few accented letters scores near zero: its high bytes are isolated
        // between ASCII letters, while Cyrillic words are runs of high bytes.
        if (best > 0 && best * 5 >= highBytes(body)) {
            return score1251 >= scoreKoi8 ? WINDOWS_1251 : KOI8_R;
        }
        return WINDOWS_1252;
    }

    static @Nullable Charset declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        Charset found = null;
        if (xml.find()) {
            found = charsetOrNull(xml.group(1));
        }
        if (found == null) {
            Matcher meta = META_CHARSET.matcher(head);
            if (meta.find()) {
                found = charsetOrNull(meta.group(1));
            }
        }
        // A document we could read as ASCII cannot really be UTF-16; the HTML spec says use UTF-8.
        if (found != null && found.name().startsWith("UTF-16")) {
            return StandardCharsets.UTF_8;
        }
        return found;
    }

    static @Nullable Charset charsetOrNull(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Frequent lowercase letters that sit next to another Cyrillic letter. */
    private static int cyrillicScore(String text) {
        int score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FREQUENT.indexOf(c) >= 0
                    && ((i > 0 && isCyrillic(text.charAt(i - 1)))
                            || (i + 1 < text.length() && isCyrillic(text.charAt(i + 1))))) {
                score++;
            }
        }
        return score;
    }

    private static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    private static int highBytes(byte[] body) {
        int n = 0;
        for (byte b : body) {
            if (b < 0) {
                n++;
            }
        }
        return n;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
