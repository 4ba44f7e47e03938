package io.parley.transport.srtp;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP protect and unprotect for one DTLS-SRTP session (RFC 3711 §3.3 and §3.4, RFC 7714
 * for AES-GCM), in place over a byte array, with replay protection and the rollover counter kept
 * per SSRC. Results are a length, or a negative {@code ERR_*} code: bad packets are counted, never
 * thrown. RTP protection under AES128_CM_HMAC_SHA1_80, the forwarding hot path, is our own
 * {@link AesCmRtpSender} (no allocation per packet, where jitsi-srtp allocates 104 B); AES-GCM,
 * unprotect and SRTCP are jitsi-srtp's: its OpenSSL AES-GCM measured no slower than the same
 * cipher driven directly, and the JDK's GCM is slower and allocates about 1 KiB per re-init.
 */
public final class SrtpSession implements AutoCloseable {
    /** Fewer bytes than an RTP/RTCP header plus the tag, or not RTP version 2. */
    public static final int ERR_MALFORMED = -1;
    /** The tag did not verify: a forgery, corruption or the wrong keys. */
    public static final int ERR_AUTH = -2;
    /** A packet index seen before or too old for the replay window (RFC 3711 §3.3.2). */
    public static final int ERR_REPLAY = -3;
    /** More SSRCs than {@link #MAX_SSRCS}; a peer cannot make us keep contexts without end. */
    public static final int ERR_TOO_MANY_SSRCS = -4;
    /** The caller's buffer has no room after the packet for the tag. */
    public static final int ERR_NO_ROOM = -5;
    /** The session was closed. */
    public static final int ERR_CLOSED = -6;

    /** SSRCs per direction; a BUNDLE transport of a room with simulcast stays far below. */
    public static final int MAX_SSRCS = 256;

    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;
    private static final int SRTCP_INDEX = 4;
    private static final ThreadLocal<PacketView> SEND_VIEW = ThreadLocal.withInitial(PacketView::new);

    static {
        // Left alone, jitsi-srtp benchmarks every AES provider on first use, which takes seconds
        // under load. Its OpenSSL binding is the fastest for GCM and even for CTR, so pick it when
        // it loads, and the JDK's otherwise.
        Aes.setFactoryClassName(JitsiOpenSslProvider.isLoaded()
                ? Aes.class.getName() + "$OpenSSLCipherFactory"
                : Aes.class.getName() + "$SunJCECipherFactory");
    }

    private final SrtpProfile profile;
    private final SrtpContextFactory outFactory;
    private final SrtpContextFactory inFactory;
    private final SrtpRtpSender rtpSender;
    private final SsrcMap<SrtpCryptoContext> outRtp = new SsrcMap<>(MAX_SSRCS);
    private final SsrcMap<SrtpCryptoContext> inRtp = new SsrcMap<>(MAX_SSRCS);
    private final SsrcMap<SrtcpCryptoContext> outRtcp = new SsrcMap<>(MAX_SSRCS);
    private final SsrcMap<SrtcpCryptoContext> inRtcp = new SsrcMap<>(MAX_SSRCS);
    private final PacketView receiveView = new PacketView();
    private final LongAdder authFailures = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private volatile boolean closed;

    public SrtpSession(SrtpKeys keys) {
        this.profile = keys.profile();
        // jitsi-srtp logs through java.util.logging; failures are counted here instead.
        LoggerImpl quiet = new LoggerImpl(SrtpSession.class.getName(), Level.OFF);
        outFactory = new SrtpContextFactory(true, keys.localKey(), keys.localSalt(),
                profile.policy(), profile.policy(), quiet);
        inFactory = new SrtpContextFactory(false, keys.remoteKey(), keys.remoteSalt(),
                profile.policy(), profile.policy(), quiet);
        rtpSender = profile == SrtpProfile.AES128_CM_HMAC_SHA1_80
                ? new AesCmRtpSender(keys.localKey(), keys.localSalt(), MAX_SSRCS) : null;
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Bytes protecting an RTP packet adds; callers leave this much room after it. */
    public int rtpOverhead() {
        return profile.tagLength();
    }

    /** Bytes protecting an RTCP packet adds: the tag and the E flag with the SRTCP index. */
    public int rtcpOverhead() {
        return profile.tagLength() + SRTCP_INDEX;
    }

    /** Encrypts and authenticates an RTP packet in place; returns the SRTP length. Any thread. */
    public int protectRtp(byte[] buf, int off, int len) {
        if (len < RTP_HEADER || (buf[off] & 0xC0) != 0x80) {
            return malformed();
        }
        if (off + len + rtpOverhead() > buf.length) {
            return ERR_NO_ROOM;
        }
        if (rtpSender != null) {
            return closed ? ERR_CLOSED : counted(rtpSender.protect(buf, off, len));
        }
        SrtpCryptoContext ctx = context(outRtp, outFactory, ssrc(buf, off + 8));
        if (ctx == null) {
            return ctxError();
        }
        PacketView view = SEND_VIEW.get().set(buf, off, len);
        return finish(transform(ctx, view, true), view);
    }

    /** Checks and decrypts an SRTP packet in place; returns the RTP length. Receive thread only. */
    public int unprotectRtp(byte[] buf, int off, int len) {
        if (len < RTP_HEADER + profile.tagLength() || (buf[off] & 0xC0) != 0x80) {
            return malformed();
        }
        SrtpCryptoContext ctx = context(inRtp, inFactory, ssrc(buf, off + 8));
        if (ctx == null) {
            return ctxError();
        }
        PacketView view = receiveView.set(buf, off, len);
        return finish(transform(ctx, view, false), view);
    }

    /** Encrypts and authenticates an RTCP compound packet in place; returns the SRTCP length. */
    public int protectRtcp(byte[] buf, int off, int len) {
        if (len < RTCP_HEADER || (buf[off] & 0xC0) != 0x80) {
            return malformed();
        }
        if (off + len + rtcpOverhead() > buf.length) {
            return ERR_NO_ROOM;
        }
        SrtcpCryptoContext ctx = controlContext(outRtcp, outFactory, ssrc(buf, off + 4));
        if (ctx == null) {
            return ctxError();
        }
        PacketView view = SEND_VIEW.get().set(buf, off, len);
        return finish(transform(ctx, view, true), view);
    }

    /** Checks and decrypts an SRTCP packet in place; returns the RTCP length. Receive thread only. */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (len < RTCP_HEADER + rtcpOverhead() || (buf[off] & 0xC0) != 0x80) {
            return malformed();
        }
        SrtcpCryptoContext ctx = controlContext(inRtcp, inFactory, ssrc(buf, off + 4));
        if (ctx == null) {
            return ctxError();
        }
        PacketView view = receiveView.set(buf, off, len);
        return finish(transform(ctx, view, false), view);
    }

    /** A constant phrase for an {@code ERR_*} code, for logs and errors. */
    public static String describe(int code) {
        return switch (code) {
            case ERR_MALFORMED -> "malformed: too short for a header and tag, or not RTP version 2";
            case ERR_AUTH -> "authentication tag did not verify";
            case ERR_REPLAY -> "replayed or older than the replay window";
            case ERR_TOO_MANY_SSRCS -> "more SSRCs than " + MAX_SSRCS;
            case ERR_NO_ROOM -> "no room after the packet for the tag";
            case ERR_CLOSED -> "session closed";
            default -> code >= 0 ? "ok" : "unknown error " + code;
        };
    }

    public long authFailures() {
        return authFailures.sum();
    }

    public long replays() {
        return replays.sum();
    }

    public long malformedPackets() {
        return malformed.sum();
    }

    @Override
    public void close() {
        closed = true;
        outRtp.clear();
        if (rtpSender != null) {
            rtpSender.clear();
        }
        inRtp.clear();
        outRtcp.clear();
        inRtcp.clear();
        outFactory.close();
        inFactory.close();
    }

    private SrtpErrorStatus transform(Object ctx, PacketView view, boolean protect) {
        try {
            if (ctx instanceof SrtpCryptoContext rtp) {
                return protect ? rtp.transformPacket(view) : rtp.reverseTransformPacket(view, false);
            }
            SrtcpCryptoContext rtcp = (SrtcpCryptoContext) ctx;
            return protect ? rtcp.transformPacket(view) : rtcp.reverseTransformPacket(view);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Bad bytes can reach the cipher's bounds checks; they are a failed packet, not a crash.
            return SrtpErrorStatus.INVALID_PACKET;
        }
    }

    private int finish(SrtpErrorStatus status, PacketView view) {
        switch (status) {
            case OK:
                return view.getLength();
            case AUTH_FAIL:
                authFailures.increment();
                return ERR_AUTH;
            case REPLAY_FAIL:
            case REPLAY_OLD:
                replays.increment();
                return ERR_REPLAY;
            default:
                return malformed();
        }
    }

    private int counted(int result) {
        if (result == ERR_MALFORMED) {
            malformed.increment();
        } else if (result == ERR_REPLAY) {
            replays.increment();
        }
        return result;
    }

    private int malformed() {
        malformed.increment();
        return ERR_MALFORMED;
    }

    private int ctxError() {
        return closed ? ERR_CLOSED : ERR_TOO_MANY_SSRCS;
    }

    private SrtpCryptoContext context(SsrcMap<SrtpCryptoContext> map, SrtpContextFactory factory, int ssrc) {
        SrtpCryptoContext ctx = map.get(ssrc);
        if (ctx != null || closed) {
            return ctx;
        }
        try {
            ctx = factory.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JCE lacks AES for SRTP", e);
        }
        return map.put(ssrc, ctx) ? map.get(ssrc) : null;
    }

    private SrtcpCryptoContext controlContext(SsrcMap<SrtcpCryptoContext> map, SrtpContextFactory factory, int ssrc) {
        SrtcpCryptoContext ctx = map.get(ssrc);
        if (ctx != null || closed) {
            return ctx;
        }
        try {
            ctx = factory.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JCE lacks AES for SRTCP", e);
        }
        return map.put(ssrc, ctx) ? map.get(ssrc) : null;
    }

    private static int ssrc(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
