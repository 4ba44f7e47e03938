package io.parley.sdk.signal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * Opens the signaling WebSockets of every engine of the JVM on one event-loop thread (a daemon,
 * made on first use): signaling is a few small messages per engine, and hundreds of sockets cost
 * that one thread. wss uses the JVM's trust store and checks the server's name.
 */
public final class SignalSockets {
    private final boolean epoll = Epoll.isAvailable();
    private EventLoopGroup group;
    private SslContext tls;

    public SignalSockets() {
    }

    /** Sockets whose wss trusts what {@code tls} trusts (tests with a certificate of their own). */
    SignalSockets(SslContext tls) {
        this.tls = tls;
    }

    /** Opens a socket to {@code uri}; see {@link SignalSocket#open}. */
    public CompletableFuture<SignalSocket> open(URI uri, int timeoutMillis, SignalSocket.Listener listener) {
        EventLoopGroup g;
        SslContext t;
        try {
            synchronized (this) {
                if (group == null) {
                    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-sdk-signaling", true),
                            epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
                }
                if (tls == null && "wss".equalsIgnoreCase(uri.getScheme())) {
                    tls = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
                }
                g = group;
                t = tls;
            }
        } catch (SSLException e) {
            return CompletableFuture.failedFuture(e);
        }
        return SignalSocket.open(g, epoll, uri, t, timeoutMillis, listener);
    }
}
