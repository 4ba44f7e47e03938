/**
 * The engine's media: the publisher and subscriber transports of a room session (ICE controlling,
 * DTLS client), their SDP (RFC 8829 offers and answers with BUNDLE), RTP out through the media
 * package's packetizer, RTP in to the sinks, and RTCP (RFC 3550 SR/RR, RFC 4585 PLI and NACK).
 */
package io.parley.sdk.rtc;
