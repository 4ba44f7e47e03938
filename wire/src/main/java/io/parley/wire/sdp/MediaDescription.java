package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One media section of RFC 8866 §5.14: its {@code m=} line and the {@code i=, c=, b=, k=, a=}
 * lines after it, with typed access to what JSEP (RFC 8829 §5.2) puts there: mid, direction,
 * rtcp-mux and rtcp-rsize, codecs (rtpmap, fmtp, rtcp-fb), SSRCs, msid, rid and simulcast, and
 * the SCTP attributes of a data channel section (RFC 8841).
 */
public final class MediaDescription extends Section {
    private MediaLine mediaLine;
    /** The m= value as written, so that a parsed section writes back exactly (e.g. a port written "09"). */
    private String mediaText;

    public MediaDescription(MediaLine mediaLine) {
        setMediaLine(mediaLine);
    }

    static MediaDescription parse(String mValue) throws WireFormatException {
        MediaDescription m = new MediaDescription(MediaLine.parse(mValue));
        m.mediaText = mValue;
        return m;
    }

    public MediaLine mediaLine() {
        return mediaLine;
    }

    public void setMediaLine(MediaLine mediaLine) {
        this.mediaLine = mediaLine;
        this.mediaText = mediaLine.toString();
    }

    /** {@code audio}, {@code video} or {@code application}. */
    public String media() {
        return mediaLine.media();
    }

    @Override
    boolean allows(char type) {
        return "icbka".indexOf(type) >= 0;
    }

    @Override
    void checkLine(SdpLine line) throws WireFormatException {
        checkEitherLevel(line);
    }

    public Optional<Connection> connection() {
        return typedLine('c', Connection::parse);
    }

    public void setConnection(Connection c) {
        replaceLine(new SdpLine('c', c.toString()), 0);
    }

    public Optional<String> mid() {
        return first(Attributes.MID);
    }

    public void setMid(String mid) {
        set(Attributes.MID, mid);
    }

    /** The direction attribute; RFC 8866 §6.7 makes {@code sendrecv} the default when none is written. */
    public Direction direction() {
        for (SdpLine line : lines()) {
            Direction d = line.isAttribute() ? Direction.fromName(line.value()) : null;
            if (d != null) {
                return d;
            }
        }
        return Direction.SENDRECV;
    }

    /** Replaces the direction attribute in place, or appends one. */
    public void setDirection(Direction direction) {
        for (Direction d : Direction.values()) {
            if (d != direction) {
                remove(d.sdpName());
            }
        }
        replace(direction.sdpName(), SdpLine.attribute(direction.sdpName(), null));
    }

    public boolean rtcpMux() {
        return flag(Attributes.RTCP_MUX);
    }

    public void setRtcpMux(boolean on) {
        setFlag(Attributes.RTCP_MUX, on);
    }

    public boolean rtcpRsize() {
        return flag(Attributes.RTCP_RSIZE);
    }

    public void setRtcpRsize(boolean on) {
        setFlag(Attributes.RTCP_RSIZE, on);
    }

    public List<Rtpmap> rtpmaps() {
        return all(Attributes.RTPMAP);
    }

    /** The rtpmap of payload type {@code pt}. */
    public Optional<Rtpmap> rtpmap(int pt) {
        return rtpmaps().stream().filter(r -> r.payloadType() == pt).findFirst();
    }

    public List<Fmtp> fmtps() {
        return all(Attributes.FMTP);
    }

    /** The fmtp of payload type {@code pt}. */
    public Optional<Fmtp> fmtp(int pt) {
        return fmtps().stream().filter(f -> f.payloadType() == pt).findFirst();
    }

    public List<RtcpFb> rtcpFbs() {
        return all(Attributes.RTCP_FB);
    }

    /** The feedback accepted by payload type {@code pt}, including the {@code *} lines. */
    public List<RtcpFb> rtcpFbs(int pt) {
        List<RtcpFb> out = new ArrayList<>();
        for (RtcpFb fb : rtcpFbs()) {
            if (fb.payloadType().equals("*") || fb.payloadType().equals(String.valueOf(pt))) {
                out.add(fb);
            }
        }
        return out;
    }

    /**
     * Adds one codec: its payload type to the {@code m=} line, its rtpmap, fmtp (when it has
     * parameters) and feedback lines, in the order JSEP writes them.
     */
    public void addCodec(Rtpmap rtpmap, List<Parameter> fmtp, List<RtcpFb> feedback) {
        List<String> formats = new ArrayList<>(mediaLine.formats());
        formats.add(String.valueOf(rtpmap.payloadType()));
        setMediaLine(new MediaLine(mediaLine.media(), mediaLine.port(), mediaLine.portCount(), mediaLine.proto(), formats));
        add(Attributes.RTPMAP, rtpmap);
        for (RtcpFb fb : feedback) {
            add(Attributes.RTCP_FB, fb);
        }
        if (!fmtp.isEmpty()) {
            add(Attributes.FMTP, new Fmtp(rtpmap.payloadType(), fmtp));
        }
    }

    public List<Ssrc> ssrcs() {
        return all(Attributes.SSRC);
    }

    public void addSsrc(Ssrc ssrc) {
        add(Attributes.SSRC, ssrc);
    }

    public List<SsrcGroup> ssrcGroups() {
        return all(Attributes.SSRC_GROUP);
    }

    public void addSsrcGroup(SsrcGroup group) {
        add(Attributes.SSRC_GROUP, group);
    }

    public List<Msid> msids() {
        return all(Attributes.MSID);
    }

    public void setMsid(Msid msid) {
        set(Attributes.MSID, msid);
    }

    public List<Rid> rids() {
        return all(Attributes.RID);
    }

    public void addRid(Rid rid) {
        add(Attributes.RID, rid);
    }

    public Optional<Simulcast> simulcast() {
        return first(Attributes.SIMULCAST);
    }

    public void setSimulcast(Simulcast simulcast) {
        set(Attributes.SIMULCAST, simulcast);
    }

    public Optional<Integer> sctpPort() {
        return first(Attributes.SCTP_PORT);
    }

    public void setSctpPort(int port) {
        set(Attributes.SCTP_PORT, port);
    }

    public Optional<Long> maxMessageSize() {
        return first(Attributes.MAX_MESSAGE_SIZE);
    }

    public void setMaxMessageSize(long size) {
        set(Attributes.MAX_MESSAGE_SIZE, size);
    }

    @Override
    void write(StringBuilder out) {
        out.append("m=").append(mediaText).append("\r\n");
        super.write(out);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((MediaDescription) o).mediaText.equals(mediaText);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + mediaText.hashCode();
    }
}
