package org.outpost.crawler.extract;

/**
 * Keeps control characters out of articles and binary bodies out of the extractor. A body that
 * decodes to many control characters or U+FFFD is not text (random bytes, an image, UTF-16 under
 * a UTF-8 label): the extractor would still find "words" in it and index garbage. A few stray ones
 * (NUL bytes in an otherwise good page) are removed, as browsers drop them.
 */
final class ControlCharacters {

    /** Text pages have none; binary decoded as windows-1252/1251 has about 12 %, as UTF-8 far more. */
    static final double MAX_SHARE = 0.05;

    private ControlCharacters() {}

    static String removeOrRefuse(String html) throws ExtractionException {
        int bad = 0;
        for (int i = 0; i < html.length(); i++) {
            if (isBad(html.charAt(i))) {
                bad++;
            }
        }
        if (bad == 0) {
            return html;
        }
        if (bad > MAX_SHARE * html.length()) {
            throw new ExtractionException(String.format(
                    java.util.Locale.ROOT,
                    "not text: %.0f %% of the characters are control characters or undecodable bytes",
                    100.0 * bad / html.length()));
        }
        StringBuilder clean = new StringBuilder(html.length());
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (!isBad(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static boolean isBad(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f || c == '\uFFFD';
    }
}
