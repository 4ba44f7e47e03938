package io.parley.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.parley.server.api.RestApi;
import io.parley.server.app.App;
import io.parley.server.room.Scheduler;
import io.parley.server.signal.SignalHub;
import java.net.InetSocketAddress;

/**
 * The HTTP listener: WebSocket signaling at {@code /ws} and the plain routes of {@link HttpRoutes}.
 * Uses epoll where the native transport loads, NIO otherwise.
 */
public final class HttpServer implements AutoCloseable {
    /** Largest plain HTTP request body; the REST API uses GET, so requests are small. */
    private static final int MAX_HTTP_BYTES = 65536;

    private final EventLoopGroup group;
    private final Channel channel;

    private HttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Binds {@code host:port} (port 0: any free port) and serves until closed, with no development app. */
    public static HttpServer start(String host, int port, SignalHub hub, PrometheusMeterRegistry metrics, RestApi api,
                                   Scheduler clock) throws InterruptedException {
        return start(host, port, hub, metrics, api, clock, null);
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and serves until closed.
     *
     * @param developmentApp the app {@code serve} made up without a config, whose tokens the debug
     *                       page may mint at {@code /debug/token}; {@code null} with a real config
     */
    public static HttpServer start(String host, int port, SignalHub hub, PrometheusMeterRegistry metrics, RestApi api,
                                   Scheduler clock, App developmentApp) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        HttpRoutes routes = new HttpRoutes(metrics, api, clock, DebugPage.fromClasspath(developmentApp));
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws").checkStartsWith(false).maxFramePayloadLength(hub.options().maxFrameBytes())
                .handshakeTimeoutMillis(10_000).build();
        try {
            Channel ch = new ServerBootstrap().group(group)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HTTP_BYTES),
                                    new WebSocketServerProtocolHandler(ws),
                                    // A message may come in fragments; signaling reads whole messages.
                                    new WebSocketFrameAggregator(hub.options().maxFrameBytes()),
                                    new WebSocketHandler(hub), routes);
                        }
                    })
                    .bind(host, port).sync().channel();
            return new HttpServer(group, ch);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
