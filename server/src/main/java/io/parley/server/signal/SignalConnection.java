package io.parley.server.signal;

import io.parley.protocol.ErrorCode;
import io.parley.protocol.Event;
import io.parley.protocol.MessageCodec;
import io.parley.protocol.ProtocolException;
import io.parley.protocol.Request;
import io.parley.protocol.Response;
import io.parley.protocol.ServerMessage;
import io.parley.server.app.App;
import io.parley.server.auth.AppSignProof;
import io.parley.server.media.MediaService;
import io.parley.server.media.PreparedPublish;
import io.parley.server.media.SdpException;
import io.parley.server.metrics.SignalMetrics;
import io.parley.server.room.ClientView;
import io.parley.server.room.Grant;
import io.parley.server.room.LoginCommand;
import io.parley.server.room.LoginOutcome;
import io.parley.server.room.Member;
import io.parley.server.room.PublishedStream;
import io.parley.server.room.RateWindow;
import io.parley.server.room.Reply;
import io.parley.server.room.RoomExtra;
import io.parley.server.room.RoomLimits;
import io.parley.server.room.RoomService;
import io.parley.server.room.Scheduler;
import io.parley.server.room.Session;
import io.parley.server.room.SessionListener;
import io.parley.server.room.TextMessage;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: decodes its requests, checks them, calls the room service, and turns the
 * room's news into protocol events. Requests arrive on the connection's I/O thread; room news and
 * replies on the room's executor; both only queue to {@link Outbound}.
 */
public final class SignalConnection implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(SignalConnection.class);
    /** The id a response carries when the request's own id could not be read. */
    static final long UNKNOWN_ID = -1;

    private final MessageCodec codec;
    private final RoomService rooms;
    private final MediaService media;
    private final LoginAuthenticator auth;
    private final Scheduler clock;
    private final SignalMetrics metrics;
    private final SignalOptions options;
    private final Outbound out;
    private final String peer;
    private RateWindow rate = new RateWindow(io.parley.server.app.AppLimits.DEFAULT.requestsPerSecondPerSession());
    private boolean floodLogged;
    private String nonce;
    private volatile App app;
    private volatile Session session;
    private volatile boolean loginPending;
    private volatile boolean closed;

    SignalConnection(MessageCodec codec, RoomService rooms, MediaService media, LoginAuthenticator auth, Scheduler clock, SignalMetrics metrics,
                     SignalOptions options, Outbound out, String peer) {
        this.codec = codec;
        this.rooms = rooms;
        this.media = media;
        this.auth = auth;
        this.clock = clock;
        this.metrics = metrics;
        this.options = options;
        this.out = out;
        this.peer = peer;
    }

    /** One text frame from the client. */
    public void onText(String text) {
        metrics.messageIn();
        Request request;
        try {
            request = codec.decodeRequest(text);
        } catch (ProtocolException e) {
            refuse(e.requestId() == null ? UNKNOWN_ID : e.requestId(), e.code(), e.getMessage());
            return;
        }
        if (!rate.tryAcquire(clock.nowMillis())) {
            // A flood is logged once, at its first refusal, not once per dropped request.
            String message = "more than the allowed requests per second";
            if (!floodLogged) {
                log(request.id(), ErrorCode.TOO_FREQUENT_APP, message);
                floodLogged = true;
            }
            metrics.error(ErrorCode.TOO_FREQUENT_APP.code());
            send(Response.error(request.id(), ErrorCode.TOO_FREQUENT_APP, message));
            return;
        }
        floodLogged = false;
        try {
            dispatch(request);
        } catch (ProtocolException e) {
            refuse(request.id(), e.code(), e.getMessage());
        }
    }

    /** The connection is gone: a logged-in session waits for its client to resume it. */
    public void onClosed() {
        closed = true;
        Session s = session;
        if (s != null) {
            rooms.detach(s, this);
        }
    }

    /** The server's side of the heartbeat. */
    public void sendHeartbeat() {
        send(new Event.Heartbeat(clock.nowMillis()));
    }

    private void dispatch(Request r) throws ProtocolException {
        if (r instanceof Request.Hello) {
            nonce = AppSignProof.newNonce();
            send(Response.ok(r.id(), new Response.Challenge(nonce, options.heartbeatIntervalSeconds())));
        } else if (r instanceof Request.Heartbeat) {
            send(Response.ok(r.id()));
        } else if (r instanceof Request.Login login) {
            login(login);
        } else {
            Session s = session;
            if (s == null) {
                throw new ProtocolException(ErrorCode.NOT_LOGGED_IN, "log in to a room first");
            }
            dispatchInRoom(s, r);
        }
    }

    private void dispatchInRoom(Session s, Request r) throws ProtocolException {
        long id = r.id();
        if (r instanceof Request.Logout) {
            rooms.logout(s, reply(id, v -> {
                session = null;
                return null;
            }));
        } else if (r instanceof Request.Publish p) {
            publish(s, p);
        } else if (r instanceof Request.Unpublish u) {
            // The media side lets go of the stream before the response leaves: a client that
            // publishes again at once (a camera switch) must not find its old transport in the way.
            rooms.unpublish(s, u.streamID(), reply(id, v -> {
                media.unpublish(s, u.streamID());
                return null;
            }));
        } else if (r instanceof Request.Play p) {
            rooms.play(s, p.streamID(), reply(id, playing -> new Response.PlayResult(p.streamID(), playState(playing), null),
                    playing -> {
                        if (playing) {
                            media.play(s, p.streamID());
                        }
                    }));
        } else if (r instanceof Request.StopPlay p) {
            rooms.stopPlay(s, p.streamID(), reply(id, v -> null, v -> media.stopPlay(s, p.streamID())));
        } else if (r instanceof Request.SubscriberAnswer a) {
            try {
                media.answer(s, a.sdp(), a.version());
            } catch (SdpException e) {
                throw new ProtocolException(ErrorCode.SDP_INVALID, e.getMessage());
            }
            send(Response.ok(id));
        } else if (r instanceof Request.SetStreamExtraInfo x) {
            rooms.setStreamExtraInfo(s, x.streamID(), x.extraInfo(), reply(id, v -> null));
        } else if (r instanceof Request.SetRoomExtraInfo x) {
            rooms.setRoomExtraInfo(s, x.key(), x.value(), reply(id, v -> null));
        } else if (r instanceof Request.Broadcast b) {
            rooms.broadcast(s, b.message(), reply(id, Response.MessageSent::new));
        } else if (r instanceof Request.Barrage b) {
            rooms.barrage(s, b.message(), reply(id, Response.MessageSent::new));
        } else if (r instanceof Request.CustomCommand c) {
            rooms.customCommand(s, c.command(), c.toUserIDs(), reply(id, v -> null));
        } else if (r instanceof Request.RenewToken t) {
            Grant grant = auth.tokenGrant(app, s.member().userId(), s.roomId(), t.token(), clock.nowMillis());
            rooms.renew(s, grant, reply(id, v -> new Response.Renewed(grant.expireAtMillis() / 1000)));
        } else {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unexpected request " + r.type());
        }
    }

    /**
     * A publish with an offer is negotiated before the room sees it, so bad SDP is refused with
     * 1100030 and changes nothing; the answer goes back in the response once the room accepts.
     */
    private void publish(Session s, Request.Publish p) throws ProtocolException {
        if (p.sdp() == null || p.sdp().isEmpty()) {
            rooms.publish(s, p.streamID(), p.extraInfo(), reply(p.id(), v -> new Response.PublishResult(p.streamID(), null)));
            return;
        }
        PreparedPublish prepared;
        try {
            prepared = media.preparePublish(s, p.streamID(), p.sdp());
        } catch (SdpException e) {
            throw new ProtocolException(ErrorCode.SDP_INVALID, e.getMessage());
        }
        rooms.publish(s, p.streamID(), p.extraInfo(),
                reply(p.id(), v -> new Response.PublishResult(p.streamID(), media.commitPublish(s, prepared))));
    }

    private void login(Request.Login login) throws ProtocolException {
        if (session != null || loginPending) {
            throw new ProtocolException(ErrorCode.INVALID_STATE, "this connection is already logged in; log out first");
        }
        App found = auth.app(login.appID());
        // Offers go to this connection from now on; a resumed session's unanswered one follows the response.
        Reply<LoginOutcome> reply = reply(login.id(), this::loggedIn, o -> media.bind(o.session(), this::send));
        if (login.sessionToken() != null && !login.sessionToken().isEmpty()) {
            useApp(found);
            loginPending = true;
            ClientView known = login.knownUserIDs() == null && login.knownStreamIDs() == null ? null
                    : new ClientView(Set.copyOf(orEmpty(login.knownUserIDs())), Set.copyOf(orEmpty(login.knownStreamIDs())));
            rooms.resume(found.appId(), login.sessionToken(), known, this, reply);
            return;
        }
        String proofNonce = nonce;
        nonce = null; // A nonce proves one login attempt only.
        Grant grant = auth.login(found, login.user().userID(), login.roomID(), login.token(), login.appSignProof(), proofNonce,
                clock.nowMillis());
        useApp(found);
        var l = found.limits();
        loginPending = true;
        rooms.login(new LoginCommand(found.appId(), login.roomID(), new Member(login.user().userID(), login.user().userName()),
                login.config().isUserStatusNotify(), login.config().maxMemberCount(),
                new RoomLimits(l.maxUsersPerRoom(), l.maxRoomsPerUser(), l.broadcastPerSecondPerRoom()), grant), this, reply);
    }

    private static List<String> orEmpty(List<String> ids) {
        return ids == null ? List.of() : ids;
    }

    private void useApp(App found) {
        if (app == null) {
            rate = new RateWindow(found.limits().requestsPerSecondPerSession());
        }
        app = found;
    }

    private Response.Body loggedIn(LoginOutcome o) {
        Session s = o.session();
        session = s;
        loginPending = false;
        if (closed) {
            rooms.detach(s, this);
        }
        return new Response.LoginResult(s.roomSessionId(), s.sessionToken(), o.resumed(), EventTranslator.users(o.users()),
                EventTranslator.streams(o.streams()), EventTranslator.extras(o.extras()), expireSeconds(s));
    }

    private static long expireSeconds(Session s) {
        return s.expireAtMillis() / 1000;
    }

    private <T> Reply<T> reply(long id, Function<T, Response.Body> body) {
        return reply(id, body, v -> { });
    }

    /** A reply that runs {@code after} once the response is queued, so what it causes follows it. */
    private <T> Reply<T> reply(long id, Function<T, Response.Body> body, java.util.function.Consumer<T> after) {
        return new Reply<>() {
            @Override
            public void ok(T value) {
                send(Response.ok(id, body.apply(value)));
                after.accept(value);
            }

            @Override
            public void fail(ErrorCode code, String message) {
                loginPending = false;
                refuse(id, code, message);
            }
        };
    }

    /** Answers a refused request with its code; called on the I/O thread or the room's executor. */
    private void refuse(long id, ErrorCode code, String message) {
        metrics.error(code.code());
        log(id, code, message);
        send(Response.error(id, code, message));
    }

    private void log(long id, ErrorCode code, String message) {
        Session s = session;
        LOG.info("{} {}: request {} refused with {}: {}", peer, s == null ? "-" : s.appId() + "/" + s.roomId() + "/" + s.member().userId(),
                id, code.code(), message);
    }

    private void send(ServerMessage m) {
        metrics.messageOut();
        out.send(codec.encode(m));
    }

    private static String playState(boolean playing) {
        return playing ? "PLAYING" : "PLAY_REQUESTING";
    }

    private String roomId() {
        Session s = session;
        return s == null ? "" : s.roomId();
    }

    // ---- SessionListener: the room's news, on the room's executor

    @Override
    public void usersAdded(List<Member> users) {
        send(new Event.RoomUserUpdate(roomId(), Event.ADD, EventTranslator.users(users)));
    }

    @Override
    public void usersRemoved(List<Member> users) {
        send(new Event.RoomUserUpdate(roomId(), Event.DELETE, EventTranslator.users(users)));
    }

    @Override
    public void streamsAdded(List<PublishedStream> streams) {
        send(new Event.RoomStreamUpdate(roomId(), Event.ADD, EventTranslator.streams(streams), null));
    }

    @Override
    public void streamsRemoved(List<PublishedStream> streams, int[] reasons) {
        send(new Event.RoomStreamUpdate(roomId(), Event.DELETE, EventTranslator.streams(streams),
                EventTranslator.deleteData(streams, reasons)));
    }

    @Override
    public void streamExtraInfoUpdated(List<PublishedStream> streams) {
        send(new Event.RoomStreamExtraInfoUpdate(roomId(), EventTranslator.streams(streams)));
    }

    @Override
    public void roomExtraInfoUpdated(List<RoomExtra> extras) {
        send(new Event.RoomExtraInfoUpdate(roomId(), EventTranslator.extras(extras)));
    }

    @Override
    public void broadcastReceived(TextMessage message) {
        send(new Event.ImRecvBroadcastMessage(roomId(), List.of(EventTranslator.message(message))));
    }

    @Override
    public void barrageReceived(TextMessage message) {
        send(new Event.ImRecvBarrageMessage(roomId(), List.of(EventTranslator.message(message))));
    }

    @Override
    public void customCommandReceived(Member from, String command) {
        send(new Event.ImRecvCustomCommand(roomId(), EventTranslator.user(from), command));
    }

    @Override
    public void onlineUserCount(int count) {
        send(new Event.RoomOnlineUserCountUpdate(roomId(), count));
    }

    @Override
    public void tokenWillExpire(int remainSeconds) {
        send(new Event.RoomTokenWillExpire(roomId(), remainSeconds));
    }

    @Override
    public void playStateChanged(String streamId, boolean playing) {
        send(new Event.PlayerStateUpdate(streamId, playState(playing), 0));
        Session s = session;
        if (s == null) {
            return;
        }
        if (playing) {
            media.play(s, streamId);
        } else {
            media.stopPlay(s, streamId);
        }
    }

    @Override
    public void ended(ErrorCode code, String reason) {
        String roomId = roomId();
        session = null;
        send(new Event.KickedOut(roomId, code.code(), reason));
        out.close(1000, "session ended: " + code.code());
    }
}
