package io.parley.sdk;

/**
 * What {@code onPlayerQualityUpdate} reports every 3 seconds (ZEGO's ZegoPlayStreamQuality): frame
 * rates and bitrates received in the interval, the loss seen in RTP sequence numbers (RFC 3550
 * §6.4.1), and the level they add up to. {@code rtt} is 0: a receiver learns no round trip from RTP alone.
 */
public record PlayStreamQuality(double videoRecvFPS, double videoKBPS, double audioRecvFPS, double audioKBPS,
                                int rtt, double packetLostRate, StreamQualityLevel level, long totalRecvBytes) {
}
