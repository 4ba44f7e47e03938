package io.parley.sfu;

import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A leg at the seam: keeps a copy of every packet sent (RTP from any thread), or throws when told to. */
class FakeLeg implements Leg {
    final List<byte[]> rtp = Collections.synchronizedList(new ArrayList<>());
    final List<byte[]> rtcp = new ArrayList<>();
    boolean failing;

    @Override
    public void sendRtp(byte[] b, int off, int len) {
        if (failing) {
            throw new IllegalStateException("leg closed");
        }
        rtp.add(Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public void sendRtcp(byte[] b, int off, int len) {
        if (failing) {
            throw new IllegalStateException("leg closed");
        }
        rtcp.add(Arrays.copyOfRange(b, off, off + len));
    }

    List<RtpPacket> packets() {
        List<RtpPacket> out = new ArrayList<>();
        for (byte[] b : rtp) {
            try {
                out.add(RtpPacket.parse(b, 0, b.length));
            } catch (WireFormatException e) {
                throw new AssertionError("the SFU sent an unparseable RTP packet", e);
            }
        }
        return out;
    }

    RtpPacket last() {
        List<RtpPacket> all = packets();
        return all.get(all.size() - 1);
    }

    /** RTCP datagrams sent whose first packet has type {@code pt} and count/FMT {@code fmt} (-1: any). */
    List<byte[]> rtcp(int pt, int fmt) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] b : rtcp) {
            if ((b[1] & 0xFF) == pt && (fmt < 0 || (b[0] & 0x1F) == fmt)) {
                out.add(b);
            }
        }
        return out;
    }

    void clear() {
        rtp.clear();
        rtcp.clear();
    }
}
