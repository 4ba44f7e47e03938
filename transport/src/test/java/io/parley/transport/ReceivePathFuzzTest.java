package io.parley.transport;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.transport.ice.IceCredentials;
import io.parley.transport.ice.IceLiteAgent;
import io.parley.transport.ice.IceListener;
import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.srtp.SrtpSession;
import io.parley.transport.udp.PacketRouter;
import io.parley.wire.stun.StunMessage;
import java.net.InetSocketAddress;

/**
 * Fuzz target of the receive path below the socket: any datagram, from a validated address,
 * goes through the RFC 7983 demux, the ICE-lite agent and SRTP/SRTCP unprotect. Nothing may throw:
 * bad bytes must be dropped and counted. Seeds: {@code ReceivePathFuzzTestInputs/receiveAnything/}.
 */
class ReceivePathFuzzTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    private static final IceCredentials SERVER = new IceCredentials("srvU", "serverPassword0123456789");
    private static final IceCredentials BROWSER = new IceCredentials("brwU", "browserPassword0123456789");

    private final PacketRouter router = new PacketRouter();
    private final SrtpSession gcm = session(SrtpProfile.AEAD_AES_128_GCM);
    private final SrtpSession cm = session(SrtpProfile.AES128_CM_HMAC_SHA1_80);
    private final IceLiteAgent ice = new IceLiteAgent(SERVER, (to, b, o, l) -> { }, new IceListener() {
        @Override
        public void validated(InetSocketAddress remote) {
        }

        @Override
        public void nominated(InetSocketAddress remote) {
        }

        @Override
        public void failed(String reason) {
        }
    });

    ReceivePathFuzzTest() {
        ice.setRemoteCredentials(BROWSER);
        PacketRouter.Endpoint endpoint = new PacketRouter.Endpoint() {
            @Override
            public void onStun(StunMessage msg, InetSocketAddress from) {
                ice.onStun(msg, from);
            }

            @Override
            public void onDtls(byte[] buf, int off, int len, InetSocketAddress from) {
            }

            @Override
            public void onRtp(byte[] buf, int off, int len, InetSocketAddress from) {
                gcm.unprotectRtp(buf.clone(), off, len);
                cm.unprotectRtp(buf, off, len);
            }

            @Override
            public void onRtcp(byte[] buf, int off, int len, InetSocketAddress from) {
                gcm.unprotectRtcp(buf.clone(), off, len);
                cm.unprotectRtcp(buf, off, len);
            }
        };
        router.registerUfrag(SERVER.ufrag(), endpoint);
        router.registerAddress(PEER, endpoint);
    }

    private static SrtpSession session(SrtpProfile profile) {
        return new SrtpSession(SrtpKeys.fromExporter(profile, new byte[profile.keyingMaterialLength()], false));
    }

    @FuzzTest(maxDuration = "60s")
    void receiveAnything(byte[] datagram) {
        router.onDatagram(datagram, 0, datagram.length, PEER);
    }
}
