package io.parley.transport;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/** A transport listener that keeps what it hears, for tests to wait on. */
final class RecordingListener implements MediaTransport.Listener {
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final CompletableFuture<String> ended = new CompletableFuture<>();
    final LinkedBlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();

    @Override
    public void connected() {
        connected.complete(null);
    }

    @Override
    public void failed(String reason) {
        ended.complete("failed: " + reason);
        connected.completeExceptionally(new IllegalStateException(reason));
    }

    @Override
    public void closed(String reason) {
        ended.complete("closed: " + reason);
    }

    @Override
    public void onRtp(byte[] buf, int off, int len) {
        rtp.add(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
        rtcp.add(Arrays.copyOfRange(buf, off, off + len));
    }
}
