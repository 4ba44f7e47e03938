/**
 * The Ogg container (RFC 3533: pages with their CRC, packets laced across them) and the Ogg Opus
 * mapping's headers (RFC 7845: OpusHead, OpusTags), read and written over streams.
 */
package io.parley.sdk.media.ogg;
