package org.outpost.crawler.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one {@link FetchRequest}. Remote problems are reported here, never thrown.
 *
 * @param finalUri the URI after redirects (equals {@code requestedUri} when none were followed)
 * @param httpStatus status of the last response, or 0 when no response was received
 * @param contentType media type from the response header, lower case, without parameters
 * @param charset charset declared in the {@code Content-Type} header, if any; {@link #text()}
 *     falls back to BOM, in-document declarations and detection when it is null
 * @param body decoded (decompressed) body; empty unless status is {@code OK}
 * @param retryAfter parsed {@code Retry-After} of an error response
 * @param reason human-readable explanation for every status other than {@code OK}
 * @param links the response's {@code Link} header values, as sent (a feed's WebSub hub and self
 *     address may be there); empty unless status is {@code OK}
 */
public record FetchResult(
        URI requestedUri,
        URI finalUri,
        Status status,
        int httpStatus,
        @Nullable String contentType,
        @Nullable Charset charset,
        byte[] body,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable Duration retryAfter,
        @Nullable String reason,
        Duration elapsed,
        java.util.List<String> links) {

    public FetchResult {
        links = java.util.List.copyOf(links);
    }

    public enum Status {
        OK,
        NOT_MODIFIED,
        REDIRECT_LIMIT,
        TOO_LARGE,
        TIMEOUT,
        BLOCKED_ADDRESS,
        DISALLOWED_BY_ROBOTS,
        HTTP_ERROR,
        UNSUPPORTED_CONTENT_TYPE,
        NETWORK_ERROR
    }

    private static final byte[] EMPTY = new byte[0];

    /** The body as text; see {@link TextDecoder} for the charset rules. Never throws. */
    public String text() {
        return TextDecoder.decode(body, charset);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    static FetchResult failure(
            URI requested, URI finalUri, Status status, int httpStatus, String reason, Duration elapsed) {
        return new FetchResult(
                requested,
                finalUri,
                status,
                httpStatus,
                null,
                null,
                EMPTY,
                null,
                null,
                null,
                reason,
                elapsed,
                java.util.List.of());
    }

    static byte[] emptyBody() {
        return EMPTY;
    }

    @Override
    public String toString() {
        // The default would print the byte array reference, which helps nobody reading a log line.
        return "FetchResult[" + status + " " + httpStatus + " " + finalUri + ", " + body.length + " bytes"
                + (reason == null ? "" : ", " + reason) + ", " + elapsed.toMillis() + " ms]";
    }
}
