package io.parley.sdk.media.ogg;

/**
 * One packet of a logical Ogg stream (RFC 3533 §5), joined from its segments.
 *
 * @param data    the packet's bytes
 * @param granule the granule position of the page this packet ends on when it is the last packet
 *                to end there, else -1 (RFC 3533 §6: a page's granule belongs to its last packet)
 * @param last    whether this packet ends the stream (it is the last on an EOS page)
 */
public record OggPacket(byte[] data, long granule, boolean last) {
}
