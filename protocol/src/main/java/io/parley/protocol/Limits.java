package io.parley.protocol;

import java.nio.charset.StandardCharsets;

/**
 * API.md's limits on identifiers and payloads, and the checks that enforce them. Lengths are in
 * UTF-8 bytes, as ZEGO counts them.
 */
public final class Limits {
    /** roomID is shorter than this many bytes. */
    public static final int ROOM_ID_BYTES = 128;
    /** userID is shorter than this many bytes. */
    public static final int USER_ID_BYTES = 64;
    /** userName is shorter than this many bytes. */
    public static final int USER_NAME_BYTES = 256;
    /** streamID is shorter than this many bytes. */
    public static final int STREAM_ID_BYTES = 256;
    /** Stream extra info, broadcast, barrage and custom command messages: at most this many bytes. */
    public static final int MESSAGE_BYTES = 1024;
    /** Room extra info key: at most this many bytes. */
    public static final int ROOM_EXTRA_KEY_BYTES = 10;
    /** Room extra info value: at most this many bytes. */
    public static final int ROOM_EXTRA_VALUE_BYTES = 128;
    /** A token or AppSign proof: at most this many bytes. */
    public static final int CREDENTIAL_BYTES = 4096;
    /** An SDP offer or answer: at most this many bytes. */
    public static final int SDP_BYTES = 65536;
    /** A custom command reaches at most this many users. */
    public static final int COMMAND_RECIPIENTS = 256;
    /** A resume states at most this many known userIDs, and as many known streamIDs. */
    public static final int KNOWN_IDS = 500;
    /** A whole request frame: at most this many bytes (room for a resume's known IDs). */
    public static final int FRAME_BYTES = 262144;

    private static final String ID_PUNCTUATION = "~!@#$%^&*()_+=-`;',.<>/";

    private Limits() {
    }

    /** UTF-8 length of a string. */
    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    public static void checkRoomId(String roomId) throws ProtocolException {
        if (!isIdentifier(roomId, ROOM_ID_BYTES)) {
            throw new ProtocolException(ErrorCode.ROOM_ID_INVALID, "roomID must be 1 to 127 bytes of letters, digits and " + ID_PUNCTUATION);
        }
    }

    public static void checkUserId(String userId) throws ProtocolException {
        if (!isIdentifier(userId, USER_ID_BYTES)) {
            throw new ProtocolException(ErrorCode.USER_ID_INVALID, "userID must be 1 to 63 bytes of letters, digits and " + ID_PUNCTUATION);
        }
    }

    /** userName may hold any printable text (ZEGO apps use their users' real names), but no control character. */
    public static void checkUserName(String userName) throws ProtocolException {
        if (utf8Length(userName) >= USER_NAME_BYTES || userName.chars().anyMatch(Character::isISOControl)) {
            throw new ProtocolException(ErrorCode.USER_NAME_INVALID, "userName must be under 256 bytes with no control character");
        }
    }

    public static void checkStreamId(String streamId) throws ProtocolException {
        if (streamId.isEmpty()) {
            throw new ProtocolException(ErrorCode.STREAM_ID_EMPTY, "streamID is empty");
        }
        if (utf8Length(streamId) >= STREAM_ID_BYTES) {
            throw new ProtocolException(ErrorCode.STREAM_ID_TOO_LONG, "streamID must be under 256 bytes");
        }
        for (int i = 0; i < streamId.length(); i++) {
            char c = streamId.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new ProtocolException(ErrorCode.STREAM_ID_INVALID_CHARACTER, "streamID may hold only letters, digits, '-' and '_'");
            }
        }
    }

    public static void checkStreamExtraInfo(String extraInfo) throws ProtocolException {
        if (utf8Length(extraInfo) > MESSAGE_BYTES) {
            throw new ProtocolException(ErrorCode.EXTRA_INFO_TOO_LONG, "stream extra info must be at most 1024 bytes");
        }
    }

    public static void checkRoomExtraInfo(String key, String value) throws ProtocolException {
        if (key.isEmpty() || utf8Length(key) > ROOM_EXTRA_KEY_BYTES) {
            throw new ProtocolException(ErrorCode.EXTRA_INFO_TOO_LONG, "room extra info key must be 1 to 10 bytes");
        }
        if (utf8Length(value) > ROOM_EXTRA_VALUE_BYTES) {
            throw new ProtocolException(ErrorCode.EXTRA_INFO_TOO_LONG, "room extra info value must be at most 128 bytes");
        }
    }

    public static void checkMessage(String message) throws ProtocolException {
        if (message.isEmpty() || utf8Length(message) > MESSAGE_BYTES) {
            throw new ProtocolException(ErrorCode.MESSAGE_TOO_LONG, "message must be 1 to 1024 bytes");
        }
    }

    private static boolean isIdentifier(String s, int limitBytes) {
        if (s.isEmpty() || s.length() >= limitBytes) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || ID_PUNCTUATION.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
