package io.parley.sdk.signal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client WebSocket (RFC 6455) on an event loop the JVM's engines share: text messages in and
 * out, a close handshake, and one report when the socket is gone. The opening handshake, masking
 * and pings are Netty's; TCP_NODELAY is on, as a request/response protocol of small messages wants.
 * It replaces java.net.http's WebSocket, whose opening handshake cost a new thread per socket on
 * two-core machines (its dependent stages run on the common pool, which is then one thread per
 * task) and crossed several threads: 2-3 ms of a 6-10 ms login on loopback.
 */
public final class SignalSocket {
    /** What the owner hears, on the event loop; it must hand the work on and return. */
    public interface Listener {
        /** A whole text message. */
        void onText(String text);

        /** The socket is gone (closed by either side, failed, or reset); called once, after a successful open. */
        void onGone(String reason);
    }

    /** Largest message taken: far past any response or event of the protocol. */
    static final int MAX_MESSAGE_BYTES = 16 << 20;
    /** How long a close waits for the server's close frame before it drops the connection. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final Channel channel;
    private final Handler handler;

    private SignalSocket(Channel channel, Handler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    /**
     * Connects to {@code uri} (ws or wss; {@code tls} is the context for wss) and completes once the
     * opening handshake is done, or fails after {@code timeoutMillis}. Resolves the host on the
     * calling thread, as java.net.http did, so a slow DNS lookup never stalls the shared loop.
     */
    static CompletableFuture<SignalSocket> open(EventLoopGroup group, boolean epoll, URI uri, SslContext tls,
                                                int timeoutMillis, Listener listener) {
        CompletableFuture<SignalSocket> opened = new CompletableFuture<>();
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        if (!secure && !"ws".equalsIgnoreCase(uri.getScheme())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a ws:// or wss:// URI: " + uri));
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        InetSocketAddress remote;
        try {
            remote = new InetSocketAddress(uri.getHost(), port);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (remote.isUnresolved()) {
            return CompletableFuture.failedFuture(new java.net.UnknownHostException(uri.getHost()));
        }
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                .handshakeTimeoutMillis(timeoutMillis)
                // Close frames are this class's: their status and reason go to the owner.
                .handleCloseFrames(false)
                .sendCloseFrame(null)
                .generateOriginHeader(false)
                .build();
        Handler handler = new Handler(opened, listener);
        new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (secure) {
                            p.addLast(tls.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        p.addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(MAX_MESSAGE_BYTES), handler);
                    }
                })
                .connect(remote)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        opened.completeExceptionally(f.cause());
                    }
                });
        return opened;
    }

    /** Queues one text message; messages leave in the order given. A failed write shows as the socket gone. */
    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text)).addListener(f -> {
            if (!f.isSuccess()) {
                channel.close();
            }
        });
    }

    /** Starts the close handshake; the connection drops when the server answers, or after a short wait. */
    public void close(int status, String reason) {
        handler.closeSent = true;
        channel.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(f -> {
            if (f.isSuccess()) {
                channel.eventLoop().schedule(() -> channel.close(), CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                channel.close();
            }
        });
    }

    /** Drops the connection at once. */
    public void abort() {
        channel.close();
    }

    /** The socket's end of the pipeline: completes the open, forwards messages, reports the end once. */
    private static final class Handler extends ChannelInboundHandlerAdapter {
        private final CompletableFuture<SignalSocket> opened;
        private final Listener listener;
        private String closeReason;
        private boolean up;
        /** Set when this side started the close: the server's close frame is then the answer, not to be answered. */
        private volatile boolean closeSent;

        Handler(CompletableFuture<SignalSocket> opened, Listener listener) {
            this.opened = opened;
            this.listener = listener;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                up = opened.complete(new SignalSocket(ctx.channel(), this));
                if (!up) {
                    ctx.close(); // the caller gave up waiting
                }
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new java.util.concurrent.TimeoutException("no WebSocket handshake answer"));
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof TextWebSocketFrame text) {
                    listener.onText(text.text());
                } else if (msg instanceof CloseWebSocketFrame close) {
                    int status = close.statusCode();
                    closeReason = "socket closed (" + (status < 0 ? "1005" : status + (close.reasonText().isEmpty() ? "" : " " + close.reasonText())) + ")";
                    if (closeSent) {
                        ctx.close();
                    } else {
                        // Answer the server's close (RFC 6455 §5.5.1), then the connection is done.
                        ctx.writeAndFlush(new CloseWebSocketFrame(status < 0 ? 1000 : status, "")).addListener(f -> ctx.close());
                    }
                }
                // Binary frames are not part of the protocol; pongs are dropped before they get here.
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!opened.completeExceptionally(cause) && closeReason == null) {
                closeReason = "socket error: " + rootMessage(cause);
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            opened.completeExceptionally(new java.io.IOException("the connection closed during the WebSocket handshake"));
            if (up) {
                up = false;
                listener.onGone(closeReason == null ? "connection closed" : closeReason);
            }
            super.channelInactive(ctx);
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
    }
}
