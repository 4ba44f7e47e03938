package io.parley.server.media;

import io.parley.sfu.Codec;
import io.parley.wire.sdp.Fmtp;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.RtcpFb;
import io.parley.wire.sdp.Rtpmap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which offered payload type Parley takes for an m-section: the first in the offer's order (the
 * client's preference, RFC 8829 §5.3.1; {@code setCodecPreferences} reorders it) that the SFU
 * forwards: Opus for audio; VP8, or H.264 constrained baseline (profile-level-id 42e01f,
 * packetization-mode 1, RFC 6184 §8.1) for video. Its RTX payload type is the one whose
 * {@code apt} names it (RFC 4588 §8.6).
 */
record CodecChoice(Codec codec, Rtpmap rtpmap, Optional<Fmtp> fmtp, int rtxPayloadType, List<RtcpFb> feedback) {
    /** The feedback the SFU understands (RFC 4585 §4.2, RFC 5104 §7.1, REMB); transport-cc is not offered back. */
    private static final List<String> FEEDBACK = List.of("nack", "ccm", "goog-remb");

    static Optional<CodecChoice> choose(MediaDescription m) {
        for (String format : m.mediaLine().formats()) {
            int pt;
            try {
                pt = Integer.parseInt(format);
            } catch (NumberFormatException e) {
                continue;
            }
            Optional<Rtpmap> map = m.rtpmap(pt);
            if (map.isEmpty()) {
                continue;
            }
            Codec codec = forwardable(m.media(), map.get(), m.fmtp(pt));
            if (codec != null) {
                return Optional.of(new CodecChoice(codec, map.get(), m.fmtp(pt), rtxFor(m, pt), feedback(m, pt)));
            }
        }
        return Optional.empty();
    }

    private static Codec forwardable(String media, Rtpmap map, Optional<Fmtp> fmtp) {
        String name = map.encoding().toUpperCase(Locale.ROOT);
        if ("audio".equals(media) && "OPUS".equals(name) && map.clockRate() == 48_000) {
            return Codec.OPUS;
        }
        if (!"video".equals(media) || map.clockRate() != 90_000) {
            return null;
        }
        if ("VP8".equals(name)) {
            return Codec.VP8;
        }
        if ("H264".equals(name) && fmtp.isPresent()
                && "1".equals(fmtp.get().get("packetization-mode"))
                && "42e01f".equalsIgnoreCase(String.valueOf(fmtp.get().get("profile-level-id")))) {
            return Codec.H264;
        }
        return null;
    }

    private static int rtxFor(MediaDescription m, int pt) {
        for (Rtpmap map : m.rtpmaps()) {
            if ("rtx".equalsIgnoreCase(map.encoding())) {
                Optional<Fmtp> f = m.fmtp(map.payloadType());
                if (f.isPresent() && String.valueOf(pt).equals(f.get().get("apt"))) {
                    return map.payloadType();
                }
            }
        }
        return -1;
    }

    private static List<RtcpFb> feedback(MediaDescription m, int pt) {
        return m.rtcpFbs(pt).stream().filter(fb -> FEEDBACK.contains(fb.type())).toList();
    }

    /** Whether the publisher takes only FIR: it offered {@code ccm fir} and not {@code nack pli}. */
    boolean firOnly() {
        boolean pli = feedback.stream().anyMatch(fb -> "nack".equals(fb.type()) && "pli".equals(fb.subtype()));
        boolean fir = feedback.stream().anyMatch(fb -> "ccm".equals(fb.type()) && "fir".equals(fb.subtype()));
        return fir && !pli;
    }
}
