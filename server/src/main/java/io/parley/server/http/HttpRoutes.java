package io.parley.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.parley.server.api.RestApi;
import io.parley.server.api.RestResponse;
import io.parley.server.room.Scheduler;
import java.nio.charset.StandardCharsets;

/**
 * The plain HTTP routes: {@code /healthz}, Prometheus {@code /metrics}, the REST API under
 * {@code /api/}, the Web SDK under {@code /sdk/}, and the debug page at {@code /} and {@code /debug/}
 * ({@link DebugPage}). WebSocket upgrades never reach it.
 */
@ChannelHandler.Sharable
final class HttpRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final PrometheusMeterRegistry metrics;
    private final RestApi api;
    private final Scheduler clock;
    private final SdkAssets sdk = SdkAssets.fromClasspath();
    private final DebugPage debug;

    HttpRoutes(PrometheusMeterRegistry metrics, RestApi api, Scheduler clock, DebugPage debug) {
        this.metrics = metrics;
        this.api = api;
        this.clock = clock;
        this.debug = debug;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
            respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "GET only\n");
        } else if (path.equals("/healthz")) {
            respond(ctx, req, HttpResponseStatus.OK, "text/plain", "ok\n");
        } else if (path.equals("/metrics")) {
            respond(ctx, req, HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
        } else if (path.equals("/api/") || path.equals("/api")) {
            RestResponse r = api.handle(uri.parameters(), clock.nowMillis() / 1000);
            respond(ctx, req, HttpResponseStatus.valueOf(r.httpStatus()), "application/json", r.json());
        } else if (path.startsWith("/sdk/")) {
            sdk.find(path.substring("/sdk/".length())).ifPresentOrElse(
                    a -> respond(ctx, req, HttpResponseStatus.OK, a.contentType(), a.body(), true),
                    () -> respond(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n"));
        } else {
            debug.handle(path, uri.parameters(), clock.nowMillis() / 1000).ifPresentOrElse(
                    r -> respond(ctx, req, r.status(), r.contentType(), r.body(), false),
                    () -> respond(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n"));
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String type, String body) {
        respond(ctx, req, status, type, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String type,
            byte[] bytes, boolean anyOrigin) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                req.method() == HttpMethod.HEAD ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (anyOrigin) {
            // The seed's pages import the SDK from wherever they are hosted.
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(res, keepAlive);
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
