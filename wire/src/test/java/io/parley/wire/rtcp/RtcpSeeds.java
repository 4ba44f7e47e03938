package io.parley.wire.rtcp;

import java.util.List;

/** The valid datagrams the round-trip test runs and the fuzz seed corpus is made of. */
final class RtcpSeeds {
    private RtcpSeeds() {
    }

    static List<byte[]> datagrams() {
        return List.of(
                RtcpVectors.concat(RtcpVectors.SR, RtcpVectors.SDES_CNAME),
                RtcpVectors.concat(RtcpVectors.RR, RtcpVectors.SDES, RtcpVectors.BYE),
                RtcpVectors.concat(RtcpVectors.RR, RtcpVectors.NACK, RtcpVectors.PLI, RtcpVectors.REMB),
                RtcpVectors.concat(RtcpVectors.RR, RtcpVectors.FIR, RtcpVectors.APP, RtcpVectors.BYE_NO_REASON),
                RtcpVectors.PLI,
                RtcpVectors.TWCC_RUN,
                RtcpVectors.concat(RtcpVectors.TWCC_ONE_BIT, RtcpVectors.TWCC_TWO_BIT, RtcpVectors.TWCC_MIXED));
    }
}
