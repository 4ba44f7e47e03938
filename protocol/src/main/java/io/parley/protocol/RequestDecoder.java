package io.parley.protocol;

import java.util.List;

/** Builds each request record from its fields, applying API.md's limits field by field. */
final class RequestDecoder {
    private static final long UINT32_MAX = 0xFFFFFFFFL;

    private RequestDecoder() {
    }

    static Request decode(String type, FieldReader f, long id) throws ProtocolException {
        switch (type) {
            case "hello":
                return new Request.Hello(id);
            case "login":
                return login(f, id);
            case "logout":
                return new Request.Logout(id);
            case "publish": {
                String streamId = streamId(f);
                String extraInfo = streamExtraInfo(f);
                return new Request.Publish(id, streamId, extraInfo, f.optionalText("sdp", Limits.SDP_BYTES));
            }
            case "unpublish":
                return new Request.Unpublish(id, streamId(f));
            case "play": {
                String streamId = streamId(f);
                return new Request.Play(id, streamId);
            }
            case "subscriberAnswer": {
                String sdp = f.text("sdp", Limits.SDP_BYTES);
                return new Request.SubscriberAnswer(id, sdp, f.number("version", 0, 9007199254740991L));
            }
            case "stopPlay":
                return new Request.StopPlay(id, streamId(f));
            case "setStreamExtraInfo": {
                String streamId = streamId(f);
                String extraInfo = f.text("extraInfo", Limits.FRAME_BYTES);
                f.check(() -> Limits.checkStreamExtraInfo(extraInfo));
                return new Request.SetStreamExtraInfo(id, streamId, extraInfo);
            }
            case "setRoomExtraInfo": {
                String key = f.text("key", Limits.FRAME_BYTES);
                String value = f.text("value", Limits.FRAME_BYTES);
                f.check(() -> Limits.checkRoomExtraInfo(key, value));
                return new Request.SetRoomExtraInfo(id, key, value);
            }
            case "broadcast":
                return new Request.Broadcast(id, message(f, "message"));
            case "barrage":
                return new Request.Barrage(id, message(f, "message"));
            case "customCommand": {
                String command = message(f, "command");
                List<String> to = f.texts("toUserIDs", Limits.COMMAND_RECIPIENTS, Limits.USER_ID_BYTES * 4);
                for (String userId : to) {
                    f.check(() -> Limits.checkUserId(userId));
                }
                return new Request.CustomCommand(id, command, List.copyOf(to));
            }
            case "renewToken":
                return new Request.RenewToken(id, f.text("token", Limits.CREDENTIAL_BYTES));
            case "heartbeat":
                return new Request.Heartbeat(id);
            default:
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown type '" + clip(type) + "'", id);
        }
    }

    private static Request.Login login(FieldReader f, long id) throws ProtocolException {
        long appId = f.number("appID", 0, UINT32_MAX);
        String roomId = f.text("roomID", Limits.FRAME_BYTES);
        f.check(() -> Limits.checkRoomId(roomId));
        FieldReader u = f.object("user");
        String userId = u.text("userID", Limits.FRAME_BYTES);
        u.check(() -> Limits.checkUserId(userId));
        String userName = u.optionalText("userName", Limits.FRAME_BYTES);
        String name = userName == null ? userId : userName;
        u.check(() -> Limits.checkUserName(name));
        FieldReader c = f.optionalObject("config");
        Request.LoginConfig config = c == null
                ? new Request.LoginConfig(false, 0)
                : new Request.LoginConfig(c.optionalBool("isUserStatusNotify", false),
                        (int) c.optionalNumber("maxMemberCount", 0, Integer.MAX_VALUE, 0));
        String token = f.optionalText("token", Limits.CREDENTIAL_BYTES);
        String proof = f.optionalText("appSignProof", Limits.CREDENTIAL_BYTES);
        String sessionToken = f.optionalText("sessionToken", Limits.CREDENTIAL_BYTES);
        List<String> knownUsers = f.optionalTexts("knownUserIDs", Limits.KNOWN_IDS, Limits.FRAME_BYTES);
        if (knownUsers != null) {
            for (String known : knownUsers) {
                f.check(() -> Limits.checkUserId(known));
            }
        }
        List<String> knownStreams = f.optionalTexts("knownStreamIDs", Limits.KNOWN_IDS, Limits.FRAME_BYTES);
        if (knownStreams != null) {
            for (String known : knownStreams) {
                f.check(() -> Limits.checkStreamId(known));
            }
        }
        return new Request.Login(id, appId, roomId, new User(userId, name), config, token, proof, sessionToken,
                knownUsers == null ? null : List.copyOf(knownUsers), knownStreams == null ? null : List.copyOf(knownStreams));
    }

    private static String streamId(FieldReader f) throws ProtocolException {
        String streamId = f.text("streamID", Limits.FRAME_BYTES);
        f.check(() -> Limits.checkStreamId(streamId));
        return streamId;
    }

    private static String streamExtraInfo(FieldReader f) throws ProtocolException {
        String extraInfo = f.optionalText("extraInfo", Limits.FRAME_BYTES);
        String value = extraInfo == null ? "" : extraInfo;
        f.check(() -> Limits.checkStreamExtraInfo(value));
        return value;
    }

    private static String message(FieldReader f, String name) throws ProtocolException {
        String message = f.text(name, Limits.FRAME_BYTES);
        f.check(() -> Limits.checkMessage(message));
        return message;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
