package org.outpost.alerts.delivery;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@code limit} bytes of a reply and keeps only its start (for the error text of a
 * refusal). Past the limit it cancels the subscription, which closes the connection: a receiver
 * that answers 100 MB costs 64 KB of reading, not 100 MB of memory or a sender thread for minutes.
 */
final class BoundedReply implements HttpResponse.BodySubscriber<String> {

    /** Characters of the reply kept for the delivery log. */
    static final int KEPT = 200;

    private final int limit;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final StringBuilder kept = new StringBuilder();
    private final byte[] head;
    private int headLength;
    private long read;
    private Flow.Subscription subscription;

    private BoundedReply(int limit) {
        this.limit = limit;
        this.head = new byte[Math.min(limit, KEPT * 4)];
    }

    static HttpResponse.BodyHandler<String> handler(int limit) {
        return info -> new BoundedReply(limit);
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            int copy = Math.min(n, head.length - headLength);
            if (copy > 0) {
                b.get(head, headLength, copy);
                headLength += copy;
            }
            read += n;
        }
        if (read >= limit) {
            subscription.cancel();
            finish();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        // what was read is enough to report a status; the reply's rest does not matter
        finish();
    }

    @Override
    public void onComplete() {
        finish();
    }

    private void finish() {
        if (!result.isDone()) {
            kept.append(new String(head, 0, headLength, StandardCharsets.UTF_8));
            result.complete(kept.length() > KEPT ? kept.substring(0, KEPT) + "…" : kept.toString());
        }
    }
}
