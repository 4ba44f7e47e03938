package io.parley.server.room;

import java.util.List;

/** A successful login or resume: the session and the room as it stood (empty lists on a resume). */
public record LoginOutcome(Session session, boolean resumed, List<Member> users, List<PublishedStream> streams,
                           List<RoomExtra> extras) {
}
