/** The receive side of RTP payload formats: VP8 frames joined from their packets (RFC 7741 §4). */
package io.parley.sdk.media.rtp;
