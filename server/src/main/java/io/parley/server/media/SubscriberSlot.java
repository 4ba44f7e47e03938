package io.parley.server.media;

import io.parley.sfu.Codec;

/**
 * One m-section of a session's subscriber transport: a track of a played stream, or, once that
 * play stopped, an inactive section kept for the next play of the same kind (RFC 8829 §5.2.2:
 * m-sections are never removed, only reused). Changed only under the owning side's lock.
 */
final class SubscriberSlot {
    final String mid;
    final String kind;
    String streamId;
    Codec codec;
    long ssrc;

    SubscriberSlot(String mid, String kind) {
        this.mid = mid;
        this.kind = kind;
    }

    boolean free() {
        return streamId == null;
    }
}
