package org.outpost.dashboard.websub;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.WebSubCallbacks;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /websub/{id}}: where hubs call us. A hub has no account; the random id in the address,
 * given only to that hub, and the HMAC signature of each push (checked by the crawler) are the
 * credentials. GET echoes the challenge of a request we made, else 404; POST answers 2xx for
 * any push to a live subscription (a bad signature included, as WebSub asks) and 410 for one
 * that is gone.
 */
@RestController
class WebSubCallbackController {

    /** Longer ids are none of ours (ours are 43 characters); not worth a database lookup. */
    private static final int MAX_ID = 64;

    private final WebSubCallbacks callbacks;

    WebSubCallbackController(WebSubCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping("/websub/{id}")
    ResponseEntity<String> verify(
            @PathVariable String id,
            @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.topic", required = false) @Nullable String topic,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge,
            @RequestParam(name = "hub.lease_seconds", required = false) @Nullable String leaseSeconds,
            @RequestParam(name = "hub.reason", required = false) @Nullable String reason) {
        if (id.length() > MAX_ID) {
            return notFound();
        }
        return callbacks
                .verify(id, mode, topic, challenge, leaseSeconds, reason)
                .map(body -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .contentType(MediaType.TEXT_PLAIN)
                        .body(body))
                .orElseGet(WebSubCallbackController::notFound);
    }

    @PostMapping("/websub/{id}")
    ResponseEntity<Void> receive(
            @PathVariable String id,
            @RequestHeader(name = "X-Hub-Signature", required = false) @Nullable String signature,
            HttpServletRequest request)
            throws IOException {
        if (id.length() > MAX_ID) {
            return ResponseEntity.status(HttpStatus.GONE).build();
        }
        long max = callbacks.maxBodyBytes();
        if (request.getContentLengthLong() > max) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // one byte past the bound tells "too large" from "exactly the bound" without reading on
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        WebSubCallbacks.Receipt receipt = callbacks.receive(id, signature, body);
        return ResponseEntity.status(receipt.httpStatus()).build();
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_PLAIN)
                .body("No such subscription.\n");
    }
}
