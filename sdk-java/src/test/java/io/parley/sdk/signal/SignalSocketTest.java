package io.parley.sdk.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The signaling socket over TLS, against a WebSocket server of the test's own with a certificate
 * made for one name: messages both ways, closes both ways with their status and reason, and a
 * certificate for another name refused; and the bad cases: a URI that is not ws or wss, nothing
 * listening, an HTTP answer that is no WebSocket, a message past the limit. (Plain ws is what every
 * test with a real server uses.)
 */
class SignalSocketTest {
    private final EventLoopGroup serverLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    /** What the server received: text, or "close STATUS REASON". */
    private final BlockingQueue<String> atServer = new LinkedBlockingQueue<>();
    /** What the client's listener heard: "text ..." or "gone ...". */
    private final BlockingQueue<String> atClient = new LinkedBlockingQueue<>();
    private final SignalSocket.Listener listener = new SignalSocket.Listener() {
        @Override
        public void onText(String text) {
            atClient.add("text " + text);
        }

        @Override
        public void onGone(String reason) {
            atClient.add("gone " + reason);
        }
    };

    @AfterEach
    void stop() {
        serverLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    @Test
    void overTlsMessagesGoBothWaysAndTheServersCloseReachesTheOwnerWithItsReason() throws Exception {
        SignalSocket socket = openToLocalhost();
        socket.send("hello");
        assertThat(atServer.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(atClient.poll(5, TimeUnit.SECONDS)).isEqualTo("text echo hello");
        socket.send("close please");
        assertThat(atClient.poll(5, TimeUnit.SECONDS)).isEqualTo("gone socket closed (4000 as asked)");
        assertThat(atServer.poll(5, TimeUnit.SECONDS)).as("the client answers the close").isEqualTo("close 4000 ");
    }

    @Test
    void aMessagePastTheLimitEndsTheSocketWithASayingReasonAndNothingDelivered() throws Exception {
        SignalSocket socket = openToLocalhost();
        socket.send("too big please");
        String heard = atClient.poll(20, TimeUnit.SECONDS);
        System.out.println("[signal] an oversized message: " + heard);
        assertThat(heard).isEqualTo("gone socket error: Max frame length of " + SignalSocket.MAX_MESSAGE_BYTES + " has been exceeded.");
        assertThat(atClient).as("no part of the oversized message reaches the owner").isEmpty();
    }

    @Test
    void theClientsCloseCarriesItsStatusAndReason() throws Exception {
        openToLocalhost().close(1000, "bye");
        assertThat(atServer.poll(5, TimeUnit.SECONDS)).isEqualTo("close 1000 bye");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        Certificate other = Certificate.forName("elsewhere.example");
        int port = serve(other);
        assertThatThrownBy(() -> new SignalSockets(other.trusting())
                .open(URI.create("wss://localhost:" + port + "/ws"), 5_000, listener).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(java.security.cert.CertificateException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(atClient).as("a socket that never opened is never reported gone").isEmpty();
    }

    @Test
    void aUriThatIsNotWsOrWssIsRefusedWithoutConnecting() {
        assertThatThrownBy(() -> new SignalSockets().open(URI.create("http://127.0.0.1:9/ws"), 5_000, listener)
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a ws:// or wss:// URI");
        assertThat(atClient).isEmpty();
    }

    @Test
    void nothingListeningFailsTheOpenAndNeverReportsGone() throws Exception {
        int port;
        try (java.net.ServerSocket closedAgain = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closedAgain.getLocalPort();
        }
        assertThatThrownBy(() -> new SignalSockets().open(URI.create("ws://127.0.0.1:" + port + "/ws"), 5_000, listener)
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(atClient).isEmpty();
    }

    @Test
    void aServerThatAnswersTheUpgradeWithoutAWebSocketFailsTheOpen() throws Exception {
        // An HTTP server that answers every request 404, as a wrong path or a proxy would.
        Channel ch = new ServerBootstrap().group(serverLoop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                                new SimpleChannelInboundHandler<io.netty.handler.codec.http.FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, io.netty.handler.codec.http.FullHttpRequest req) {
                                        var notFound = new io.netty.handler.codec.http.DefaultFullHttpResponse(
                                                io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                                                io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND);
                                        notFound.headers().set("content-length", 0);
                                        ctx.writeAndFlush(notFound);
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        int port = ((InetSocketAddress) ch.localAddress()).getPort();
        assertThatThrownBy(() -> new SignalSockets().open(URI.create("ws://127.0.0.1:" + port + "/ws"), 5_000, listener)
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException.class)
                .hasMessageContaining("404");
        assertThat(atClient).as("a socket that never opened is never reported gone").isEmpty();
    }

    /** A socket to a server with a certificate for localhost, which the client trusts. */
    private SignalSocket openToLocalhost() throws Exception {
        Certificate cert = Certificate.forName("localhost");
        int port = serve(cert);
        return new SignalSockets(cert.trusting())
                .open(URI.create("wss://localhost:" + port + "/ws"), 5_000, listener).get(10, TimeUnit.SECONDS);
    }

    /** A WebSocket server at /ws over TLS: echoes text, closes with 4000 when asked, and records what it got. */
    private int serve(Certificate cert) throws Exception {
        SslContext tls = SslContextBuilder.forServer(cert.keys.getPrivate(), cert.x509).build();
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder().websocketPath("/ws")
                .handleCloseFrames(false).build();
        Channel ch = new ServerBootstrap().group(serverLoop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(tls.newHandler(c.alloc()), new HttpServerCodec(), new HttpObjectAggregator(65_536),
                                new WebSocketServerProtocolHandler(ws), new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                        if (frame instanceof CloseWebSocketFrame close) {
                                            atServer.add("close " + close.statusCode() + " " + close.reasonText());
                                            ctx.close();
                                        } else if (frame instanceof TextWebSocketFrame text && text.text().equals("too big please")) {
                                            ctx.writeAndFlush(new TextWebSocketFrame(io.netty.buffer.Unpooled.wrappedBuffer(
                                                    "x".repeat(SignalSocket.MAX_MESSAGE_BYTES + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
                                        } else if (frame instanceof TextWebSocketFrame text && text.text().equals("close please")) {
                                            ctx.writeAndFlush(new CloseWebSocketFrame(4000, "as asked"));
                                        } else if (frame instanceof TextWebSocketFrame text) {
                                            atServer.add(text.text());
                                            ctx.writeAndFlush(new TextWebSocketFrame("echo " + text.text()));
                                        }
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    /** A self-signed certificate whose one subject alternative name is {@code name}. */
    private record Certificate(KeyPair keys, X509Certificate x509) {
        static Certificate forName(String name) throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            KeyPair keys = g.generateKeyPair();
            X500Name subject = new X500Name("CN=" + name);
            long now = System.currentTimeMillis();
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now), new Date(now - 60_000),
                    new Date(now + 3_600_000), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
            X509Certificate x509 = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Certificate(keys, x509);
        }

        /** A client context that trusts this certificate alone and checks the server's name, as the SDK's own does. */
        SslContext trusting() throws Exception {
            return SslContextBuilder.forClient().trustManager(x509).endpointIdentificationAlgorithm("HTTPS").build();
        }
    }
}
