/**
 * Views over the first bytes of an RTP payload for the codecs the SFU forwards: VP8 (RFC 7741),
 * VP9 (RFC 9628) and H.264 (RFC 6184). They find keyframes and layer indices and rewrite picture
 * IDs in place; they are re-pointable and allocate nothing per packet, as the packet path requires.
 */
package io.parley.wire.codec;
