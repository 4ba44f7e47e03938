package io.parley.sdk;

/**
 * What {@code onPublisherQualityUpdate} reports every 3 seconds (ZEGO's ZegoPublishStreamQuality):
 * frame rates and bitrates sent in the interval, the loss and round-trip time the server reported
 * in its RTCP receiver reports (RFC 3550 §6.4.2), and the level they add up to.
 */
public record PublishStreamQuality(double videoSendFPS, double videoKBPS, double audioSendFPS, double audioKBPS,
                                   int rtt, double packetLostRate, StreamQualityLevel level, long totalSendBytes) {
}
