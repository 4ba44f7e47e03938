/**
 * Session descriptions (RFC 8866) as WebRTC writes them (JSEP, RFC 8829): {@link
 * io.parley.wire.sdp.SessionDescription} keeps every line verbatim for exact round trips and gives
 * typed access, through {@link io.parley.wire.sdp.Attributes}, to the attributes the SFU reads in
 * offers and writes in answers. Parsing fails only with {@link io.parley.wire.WireFormatException},
 * naming the line number and the line.
 */
package io.parley.wire.sdp;
