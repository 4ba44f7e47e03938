package io.parley.transport.ice;

import io.parley.wire.stun.StunMessage;
import io.parley.wire.stun.StunMessageType;
import io.parley.wire.stun.StunWriter;
import java.net.InetSocketAddress;

/**
 * Writes the answers an ICE agent gives to a Binding request (RFC 8445 §7.3, RFC 8489 §6.3) into
 * one reusable buffer: the success response with XOR-MAPPED-ADDRESS, and the error responses.
 */
final class StunReply {
    private static final int MAX = 548;
    private final byte[] buf = new byte[MAX];
    private final byte[] transactionId = new byte[StunMessage.TRANSACTION_ID_LENGTH];
    private final StunWriter writer = new StunWriter(buf, 0);

    byte[] buffer() {
        return buf;
    }

    /** A success response proving we know our password (its integrity) and telling the peer its address. */
    int success(StunMessage request, InetSocketAddress from, byte[] integrityKey) {
        start(request, StunMessageType.BINDING_SUCCESS_RESPONSE);
        writer.xorMappedAddress(from).messageIntegrity(integrityKey).fingerprint();
        return writer.length();
    }

    /**
     * An error response; {@code integrityKey} is null when the request did not authenticate
     * (RFC 8489 §9.1.3: 400 and 401 carry no MESSAGE-INTEGRITY).
     */
    int error(StunMessage request, int code, String reason, byte[] integrityKey, int... unknown) {
        start(request, StunMessageType.BINDING_ERROR_RESPONSE);
        writer.errorCode(code, reason);
        if (unknown.length > 0) {
            writer.unknownAttributes(unknown);
        }
        if (integrityKey != null) {
            writer.messageIntegrity(integrityKey);
        }
        writer.fingerprint();
        return writer.length();
    }

    private void start(StunMessage request, int type) {
        System.arraycopy(request.buffer(), request.transactionIdOffset(), transactionId, 0, transactionId.length);
        writer.start(type, transactionId);
    }
}
