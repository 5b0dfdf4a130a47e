package org.outpost.crawler.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/** Performs exactly one HTTP GET (no redirects followed) within the configured limits. */
final class HopClient {

    /** Either a finished result or the next URI to visit. */
    record Hop(@Nullable FetchResult result, @Nullable URI location) {
        static Hop done(FetchResult result) {
            return new Hop(result, null);
        }

        static Hop redirect(URI location) {
            return new Hop(null, location);
        }
    }

    private static final int SNIFF_BYTES = 4096;

    private final FetchSettings settings;
    private final HttpClient client;
    private final ScheduledExecutorService watchdog;

    HopClient(FetchSettings settings, HttpClient client, ScheduledExecutorService watchdog) {
        this.settings = settings;
        this.client = client;
        this.watchdog = watchdog;
    }

    /**
     * @param anyContentType robots.txt is parsed whatever type the server claims
     */
    Hop get(FetchRequest request, URI uri, boolean anyContentType, long startNanos) throws InterruptedException {
        long deadlineNanos = System.nanoTime() + settings.readTimeout().toNanos();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ContentType.ACCEPT_HEADER)
                .header("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            return fail(
                    request,
                    uri,
                    FetchResult.Status.TIMEOUT,
                    0,
                    "connect timed out after " + settings.connectTimeout(),
                    startNanos);
        } catch (HttpTimeoutException e) {
            return fail(
                    request,
                    uri,
                    FetchResult.Status.TIMEOUT,
                    0,
                    "no response within " + settings.readTimeout(),
                    startNanos);
        } catch (IOException e) {
            return fail(request, uri, FetchResult.Status.NETWORK_ERROR, 0, describe(e), startNanos);
        }
        try (InputStream raw = response.body();
                Deadline deadline = Deadline.arm(watchdog, deadlineNanos, raw)) {
            return handle(request, uri, response, raw, deadline, anyContentType, startNanos);
        } catch (IOException e) {
            // A failed close after a complete body is not worth reporting; everything else is.
            return fail(request, uri, FetchResult.Status.NETWORK_ERROR, response.statusCode(), describe(e), startNanos);
        }
    }

    private Hop handle(
            FetchRequest request,
            URI uri,
            HttpResponse<InputStream> response,
            InputStream raw,
            Deadline deadline,
            boolean anyContentType,
            long startNanos) {
        int code = response.statusCode();
        HttpHeaders headers = response.headers();
        if (isRedirect(code)) {
            String location = headers.firstValue("Location").orElse(null);
            if (location != null) {
                try {
                    return Hop.redirect(uri.resolve(location.trim()));
                } catch (IllegalArgumentException e) {
                    return fail(
                            request,
                            uri,
                            FetchResult.Status.HTTP_ERROR,
                            code,
                            "invalid Location header: " + location,
                            startNanos);
                }
            }
        }
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        if (code == 304) {
            return Hop.done(new FetchResult(
                    request.uri(),
                    uri,
                    FetchResult.Status.NOT_MODIFIED,
                    code,
                    null,
                    null,
                    FetchResult.emptyBody(),
                    etag != null ? etag : request.etag(),
                    lastModified != null ? lastModified : request.lastModified(),
                    null,
                    "not modified",
                    elapsed(startNanos),
                    java.util.List.of()));
        }
        if (code < 200 || code >= 300) {
            Duration retryAfter =
                    RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), Instant.now());
            return Hop.done(new FetchResult(
                    request.uri(),
                    uri,
                    FetchResult.Status.HTTP_ERROR,
                    code,
                    null,
                    null,
                    FetchResult.emptyBody(),
                    null,
                    null,
                    retryAfter,
                    "HTTP " + code,
                    elapsed(startNanos),
                    java.util.List.of()));
        }
        ContentType type = ContentType.parse(headers.firstValue("Content-Type").orElse(null));
        String encoding = headers.firstValue("Content-Encoding").orElse(null);
        String mediaType = type == null ? null : type.mediaType();
        if (!BodyReader.supportsEncoding(encoding)) {
            return fail(
                    request,
                    uri,
                    FetchResult.Status.UNSUPPORTED_CONTENT_TYPE,
                    code,
                    "unsupported content encoding " + encoding,
                    startNanos);
        }
        boolean sniff = !anyContentType && (type == null || type.needsSniffing());
        if (!anyContentType && !sniff && !type.accepted()) {
            // Returning closes the stream unread, so we never download a video to learn we do not want it.
            return fail(
                    request,
                    uri,
                    FetchResult.Status.UNSUPPORTED_CONTENT_TYPE,
                    code,
                    "unsupported content type " + mediaType,
                    startNanos);
        }
        long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        if (BodyReader.isIdentity(encoding) && declared > settings.maxBodyBytes()) {
            return fail(
                    request,
                    uri,
                    FetchResult.Status.TOO_LARGE,
                    code,
                    "Content-Length " + declared + " exceeds " + settings.maxBodyBytes() + " bytes",
                    startNanos);
        }
        try {
            InputStream in = BodyReader.decoding(raw, encoding);
            if (sniff) {
                BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES * 2);
                buffered.mark(SNIFF_BYTES);
                byte[] head = buffered.readNBytes(SNIFF_BYTES);
                buffered.reset();
                if (!ContentType.looksLikeMarkup(head)) {
                    return fail(
                            request,
                            uri,
                            FetchResult.Status.UNSUPPORTED_CONTENT_TYPE,
                            code,
                            "unsupported content type " + (mediaType == null ? "(none)" : mediaType)
                                    + " (body is not HTML or XML)",
                            startNanos);
                }
                in = buffered;
            }
            BodyReader.Body body = BodyReader.readAtMost(in, settings.maxBodyBytes(), deadline::expired);
            if (body.exceeded()) {
                return fail(
                        request,
                        uri,
                        FetchResult.Status.TOO_LARGE,
                        code,
                        "body exceeds " + settings.maxBodyBytes() + " bytes after decoding",
                        startNanos);
            }
            return Hop.done(new FetchResult(
                    request.uri(),
                    uri,
                    FetchResult.Status.OK,
                    code,
                    mediaType,
                    type == null ? null : type.charset(),
                    body.bytes(),
                    etag,
                    lastModified,
                    null,
                    null,
                    elapsed(startNanos),
                    headers.allValues("Link")));
        } catch (ZipException e) {
            if (deadline.expired()) {
                return timeout(request, uri, code, startNanos);
            }
            return fail(
                    request,
                    uri,
                    FetchResult.Status.NETWORK_ERROR,
                    code,
                    "corrupt compressed body: " + e.getMessage(),
                    startNanos);
        } catch (IOException e) {
            if (deadline.expired()) {
                return timeout(request, uri, code, startNanos);
            }
            return fail(request, uri, FetchResult.Status.NETWORK_ERROR, code, describe(e), startNanos);
        }
    }

    private Hop timeout(FetchRequest request, URI uri, int code, long startNanos) {
        return fail(
                request,
                uri,
                FetchResult.Status.TIMEOUT,
                code,
                "body not complete within " + settings.readTimeout(),
                startNanos);
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static Hop fail(
            FetchRequest request, URI uri, FetchResult.Status status, int code, String reason, long startNanos) {
        return Hop.done(FetchResult.failure(request.uri(), uri, status, code, reason, elapsed(startNanos)));
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
