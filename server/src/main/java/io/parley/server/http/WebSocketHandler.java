package io.parley.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.parley.server.signal.Outbound;
import io.parley.server.signal.SignalConnection;
import io.parley.server.signal.SignalHub;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Netty edge of one signaling WebSocket: hands text frames to its {@link SignalConnection}, sends
 * the server heartbeat when the line is quiet, closes a connection silent past the idle timeout, and
 * drops a client whose unsent messages pile up past the limit.
 */
final class WebSocketHandler extends ChannelInboundHandlerAdapter {
    private final SignalHub hub;
    private SignalConnection connection;

    WebSocketHandler(SignalHub hub) {
        this.hub = hub;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            var o = hub.options();
            ctx.pipeline().addBefore(ctx.name(), "idle",
                    new IdleStateHandler(o.idleTimeoutSeconds(), o.heartbeatIntervalSeconds(), 0, TimeUnit.SECONDS));
            connection = hub.open(new ChannelOutbound(ctx.channel(), o.maxQueuedMessages()), String.valueOf(ctx.channel().remoteAddress()));
        } else if (evt instanceof IdleStateEvent idle && connection != null) {
            if (idle.state() == IdleState.READER_IDLE) {
                ctx.writeAndFlush(new CloseWebSocketFrame(1001, "heartbeat timeout")).addListener(f -> ctx.close());
            } else {
                connection.sendHeartbeat();
            }
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame)) {
            ctx.fireChannelRead(msg); // plain HTTP: for HttpRoutes
            return;
        }
        try {
            if (msg instanceof TextWebSocketFrame text && connection != null) {
                connection.onText(text.text());
            } else if (connection != null) {
                // Binary frames are not part of the protocol: answer as to any malformed message.
                connection.onText("");
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            connection.onClosed();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Writes without blocking; counts what the socket has not taken yet and drops the client past the limit. */
    private final class ChannelOutbound implements Outbound {
        private final Channel channel;
        private final int limit;
        private final AtomicInteger pending = new AtomicInteger();
        private final AtomicBoolean dropped = new AtomicBoolean();

        ChannelOutbound(Channel channel, int limit) {
            this.channel = channel;
            this.limit = limit;
        }

        @Override
        public void send(String text) {
            if (dropped.get()) {
                return;
            }
            if (pending.incrementAndGet() > limit) {
                if (dropped.compareAndSet(false, true)) {
                    hub.metrics().slowSessionDropped();
                    // The close frame would queue behind what is stuck; close the socket itself.
                    channel.close();
                }
                return;
            }
            channel.writeAndFlush(new TextWebSocketFrame(text)).addListener(f -> pending.decrementAndGet());
        }

        @Override
        public void close(int status, String reason) {
            channel.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(f -> channel.close());
        }
    }
}
