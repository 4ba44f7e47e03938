package io.parley.transport.udp;

import io.parley.transport.RateLimitedLog;
import io.parley.wire.WireFormatException;
import io.parley.wire.stun.StunMessage;
import io.parley.wire.stun.StunMessageType;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive-path demultiplexer of the shared port: sorts each datagram by its first byte
 * (RFC 7983), then finds its session: a STUN Binding request by the local ICE ufrag in its
 * USERNAME (RFC 8445 §7.3), everything else by the sender's address and port, which ICE has
 * validated before it is registered here. What matches nothing is dropped and counted.
 * Runs on the port's event loop; registration may happen on any thread.
 */
public final class PacketRouter implements UdpPort.Receiver {
    /** A session as the router sees it; each call runs on the event loop with a borrowed buffer. */
    public interface Endpoint {
        void onStun(StunMessage msg, InetSocketAddress from);

        void onDtls(byte[] buf, int off, int len, InetSocketAddress from);

        void onRtp(byte[] buf, int off, int len, InetSocketAddress from);

        void onRtcp(byte[] buf, int off, int len, InetSocketAddress from);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PacketRouter.class);

    private final ConcurrentHashMap<String, Endpoint> byUfrag = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, Endpoint> byAddress = new ConcurrentHashMap<>();
    private final StunMessage stun = new StunMessage();
    private final LongAdder malformedStun = new LongAdder();
    private final LongAdder unknownUfrag = new LongAdder();
    private final LongAdder unknownAddress = new LongAdder();
    private final LongAdder unknownKind = new LongAdder();
    private final LongAdder routed = new LongAdder();
    private final RateLimitedLog malformedLog = new RateLimitedLog(LOG, "malformed STUN dropped", 10_000);
    private final RateLimitedLog ufragLog = new RateLimitedLog(LOG, "STUN for an unknown ICE ufrag dropped", 10_000);
    private final RateLimitedLog addressLog = new RateLimitedLog(LOG, "datagram from an unknown address dropped", 10_000);
    private final RateLimitedLog kindLog = new RateLimitedLog(LOG, "datagram of no RFC 7983 kind dropped", 10_000);

    @Override
    public void onDatagram(byte[] buf, int off, int len, InetSocketAddress sender) {
        PacketKind kind = PacketKind.of(buf, off, len);
        if (kind == PacketKind.STUN) {
            routeStun(buf, off, len, sender);
            return;
        }
        if (kind == PacketKind.UNKNOWN) {
            unknownKind.increment();
            kindLog.warn(sender);
            return;
        }
        Endpoint e = byAddress.get(sender);
        if (e == null) {
            unknownAddress.increment();
            addressLog.warn(kind, sender);
            return;
        }
        routed.increment();
        switch (kind) {
            case DTLS -> e.onDtls(buf, off, len, sender);
            case RTP -> e.onRtp(buf, off, len, sender);
            default -> e.onRtcp(buf, off, len, sender);
        }
    }

    private void routeStun(byte[] buf, int off, int len, InetSocketAddress sender) {
        try {
            stun.wrap(buf, off, len);
        } catch (WireFormatException ex) {
            malformedStun.increment();
            malformedLog.warn(sender, ex.getMessage());
            return;
        }
        Endpoint e;
        if (stun.messageClass() == StunMessageType.REQUEST) {
            String username = stun.username();
            int colon = username == null ? -1 : username.indexOf(':');
            e = colon < 0 ? null : byUfrag.get(username.substring(0, colon));
            if (e == null) {
                unknownUfrag.increment();
                ufragLog.warn(sender);
                return;
            }
        } else {
            e = byAddress.get(sender);
            if (e == null) {
                unknownAddress.increment();
                addressLog.warn(PacketKind.STUN, sender);
                return;
            }
        }
        routed.increment();
        e.onStun(stun, sender);
    }

    /** Makes STUN requests naming {@code ufrag} reach {@code e}; false if the ufrag is taken. */
    public boolean registerUfrag(String ufrag, Endpoint e) {
        return byUfrag.putIfAbsent(ufrag, e) == null;
    }

    /** Makes datagrams from {@code address} reach {@code e}; false if another session has it. */
    public boolean registerAddress(InetSocketAddress address, Endpoint e) {
        Endpoint prior = byAddress.putIfAbsent(address, e);
        return prior == null || prior == e;
    }

    /** Stops STUN requests naming {@code ufrag} from reaching {@code e}. */
    public void unregisterUfrag(String ufrag, Endpoint e) {
        byUfrag.remove(ufrag, e);
    }

    /** Stops datagrams from {@code address} from reaching {@code e}; another session's entry stays. */
    public void unregisterAddress(InetSocketAddress address, Endpoint e) {
        byAddress.remove(address, e);
    }

    /** STUN that did not parse. */
    public long malformedStun() {
        return malformedStun.sum();
    }

    /** STUN requests naming a ufrag no session has. */
    public long unknownUfrag() {
        return unknownUfrag.sum();
    }

    /** Non-request datagrams from an address no session has validated. */
    public long unknownAddress() {
        return unknownAddress.sum();
    }

    /** Datagrams whose first byte is no kind of RFC 7983. */
    public long unknownKind() {
        return unknownKind.sum();
    }

    /** Datagrams handed to a session. */
    public long routed() {
        return routed.sum();
    }
}
