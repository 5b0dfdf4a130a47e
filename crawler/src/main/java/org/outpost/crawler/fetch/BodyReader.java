package org.outpost.crawler.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code Content-Encoding} as a stream and stops at the size limit, so a compression bomb
 * costs at most {@code limit} bytes of memory and the time to inflate them.
 */
final class BodyReader {

    /** The body, or the fact that it was longer than allowed. */
    record Body(byte[] bytes, boolean exceeded) {}

    private static final int CHUNK = 8192;

    private BodyReader() {}

    static boolean supportsEncoding(@Nullable String contentEncoding) {
        String e = normalise(contentEncoding);
        return e.isEmpty() || e.equals("identity") || e.equals("gzip") || e.equals("x-gzip") || e.equals("deflate");
    }

    static boolean isIdentity(@Nullable String contentEncoding) {
        String e = normalise(contentEncoding);
        return e.isEmpty() || e.equals("identity");
    }

    static InputStream decoding(InputStream raw, @Nullable String contentEncoding) throws IOException {
        return switch (normalise(contentEncoding)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, CHUNK);
            case "deflate" -> inflating(raw);
            default -> raw;
        };
    }

    /**
     * HTTP "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; the first two
     * bytes tell them apart.
     */
    private static InputStream inflating(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, CHUNK);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib), CHUNK);
    }

    /** Reads up to {@code limit} bytes; one byte more means the body is too large. */
    static Body readAtMost(InputStream in, long limit, BooleanSupplier expired) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            if (expired.getAsBoolean()) {
                throw new IOException("deadline passed while reading body");
            }
            if (total + n > limit) {
                return new Body(FetchResult.emptyBody(), true);
            }
            out.write(buffer, 0, n);
            total += n;
        }
        if (expired.getAsBoolean()) {
            // A stream closed by the deadline may look like a clean end; do not mistake it for one.
            throw new IOException("deadline passed while reading body");
        }
        return new Body(out.toByteArray(), false);
    }

    private static String normalise(@Nullable String contentEncoding) {
        return contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    }
}
