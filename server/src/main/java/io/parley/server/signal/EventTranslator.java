package io.parley.server.signal;

import io.parley.protocol.Event;
import io.parley.protocol.ImMessage;
import io.parley.protocol.RoomExtraInfo;
import io.parley.protocol.StreamDeleteReason;
import io.parley.protocol.StreamInfo;
import io.parley.protocol.User;
import io.parley.server.room.Member;
import io.parley.server.room.PublishedStream;
import io.parley.server.room.RoomExtra;
import io.parley.server.room.TextMessage;
import java.util.ArrayList;
import java.util.List;

/** Maps the room service's plain values to the protocol's records. */
final class EventTranslator {
    private EventTranslator() {
    }

    static User user(Member m) {
        return new User(m.userId(), m.userName());
    }

    static List<User> users(List<Member> members) {
        return members.stream().map(EventTranslator::user).toList();
    }

    static StreamInfo stream(PublishedStream p) {
        return new StreamInfo(p.streamId(), user(p.user()), p.extraInfo());
    }

    static List<StreamInfo> streams(List<PublishedStream> streams) {
        return streams.stream().map(EventTranslator::stream).toList();
    }

    static List<RoomExtraInfo> extras(List<RoomExtra> extras) {
        return extras.stream().map(e -> new RoomExtraInfo(e.key(), e.value(), user(e.updateUser()), e.updateTime())).toList();
    }

    static ImMessage message(TextMessage m) {
        return new ImMessage(m.message(), m.messageId(), m.sendTime(), user(m.from()));
    }

    static Event.DeleteData deleteData(List<PublishedStream> streams, int[] reasons) {
        List<StreamDeleteReason> out = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            out.add(new StreamDeleteReason(streams.get(i).streamId(), reasons[i]));
        }
        return new Event.DeleteData(out);
    }
}
