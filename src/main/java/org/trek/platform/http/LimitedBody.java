package org.trek.platform.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body for java.net.http read with a byte limit: past it the download is cancelled and the body fails
 * with {@link TooLarge}. With a limit of 0 the body is read and dropped (e.g. for an error status). Used with
 * {@code sendAsync} and a bounded wait, so that neither a huge nor a trickling answer can hold a request thread
 * (the request timeout of JDK 17 covers the headers only).
 */
public final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;

    /** The body passed the limit. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large", null);
        }
    }

    public LimitedBody(long max) {
        this.max = max;
    }

    /** Whether a failed exchange failed because the body passed the limit. */
    public static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE); // bounded by max: more than that cancels
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            if (result.isDone()) {
                return;
            }
            int n = b.remaining();
            if (max == 0) {
                b.position(b.limit());
                continue;
            }
            if (out.size() + (long) n > max) {
                abort();
                result.completeExceptionally(new TooLarge());
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            out.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    /** Stops the download (a deadline passed, or the body is too large). */
    public void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
