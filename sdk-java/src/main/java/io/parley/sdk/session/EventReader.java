package io.parley.sdk.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.sdk.BarrageMessageInfo;
import io.parley.sdk.BroadcastMessageInfo;
import io.parley.sdk.RoomExtraInfo;
import io.parley.sdk.StreamInfo;
import io.parley.sdk.User;
import java.util.ArrayList;
import java.util.List;

/** Reads the protocol's common objects (docs/protocol.md "Envelope") into the SDK's public records. */
final class EventReader {
    private EventReader() {
    }

    static User user(JsonNode u) {
        String id = u.path("userID").asText("");
        return new User(id, u.path("userName").asText(id));
    }

    static List<User> users(JsonNode list) {
        List<User> out = new ArrayList<>();
        list.forEach(u -> out.add(user(u)));
        return List.copyOf(out);
    }

    static List<StreamInfo> streams(JsonNode list) {
        List<StreamInfo> out = new ArrayList<>();
        list.forEach(s -> out.add(new StreamInfo(s.path("streamID").asText(""), user(s.path("user")),
                s.path("extraInfo").asText(""))));
        return List.copyOf(out);
    }

    static List<RoomExtraInfo> roomExtraInfos(JsonNode list) {
        List<RoomExtraInfo> out = new ArrayList<>();
        list.forEach(i -> out.add(new RoomExtraInfo(i.path("key").asText(""), i.path("value").asText(""),
                user(i.path("updateUser")), i.path("updateTime").asLong())));
        return List.copyOf(out);
    }

    static List<BroadcastMessageInfo> broadcasts(JsonNode list) {
        List<BroadcastMessageInfo> out = new ArrayList<>();
        list.forEach(m -> out.add(new BroadcastMessageInfo(m.path("message").asText(""), m.path("messageID").asLong(),
                m.path("sendTime").asLong(), user(m.path("fromUser")))));
        return List.copyOf(out);
    }

    static List<BarrageMessageInfo> barrages(JsonNode list) {
        List<BarrageMessageInfo> out = new ArrayList<>();
        list.forEach(m -> out.add(new BarrageMessageInfo(m.path("message").asText(""), m.path("messageID").asText(""),
                m.path("sendTime").asLong(), user(m.path("fromUser")))));
        return List.copyOf(out);
    }
}
