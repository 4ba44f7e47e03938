package io.parley.sfu;

/**
 * The RTCP path from the SFU back to the publisher (RFC 3550 §6, RFC 4585 §3.5): one reusable
 * buffer the tracks write their feedback into, and the publisher's leg. A leg that throws loses the
 * feedback, which the next interval sends again; it never breaks the receive path.
 */
final class Upstream {
    private final Leg publisher;
    private final byte[] buffer = new byte[1500];
    private long sendErrors;

    Upstream(Leg publisher) {
        this.publisher = publisher;
    }

    byte[] buffer() {
        return buffer;
    }

    void send(int len) {
        try {
            publisher.sendRtcp(buffer, 0, len);
        } catch (RuntimeException e) {
            sendErrors++;
        }
    }

    long sendErrors() {
        return sendErrors;
    }
}
