/**
 * Media in and out of the Java SDK: {@link io.parley.sdk.media.MediaSource}s (Ogg/Opus and IVF/VP8
 * files, PCM through a pure-Java Opus, synthetic load) and {@link io.parley.sdk.media.MediaSink}s
 * (IVF and Ogg files, PCM, counters), with the RTP packetizing of RFC 7587 (Opus) and RFC 7741 (VP8)
 * between them and the wire.
 */
package io.parley.sdk.media;
