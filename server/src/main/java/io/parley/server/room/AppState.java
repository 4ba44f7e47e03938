package io.parley.server.room;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is unique across the rooms of one app: who publishes each streamID, and where each userID
 * is logged in. Concurrent maps, because rooms on different executors claim and release entries.
 */
final class AppState {
    final ConcurrentHashMap<String, Session> streamOwners = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Set<Session>> sessionsByUser = new ConcurrentHashMap<>();

    void addSession(Session s) {
        sessionsByUser.computeIfAbsent(s.member().userId(), k -> ConcurrentHashMap.newKeySet()).add(s);
    }

    void removeSession(Session s) {
        sessionsByUser.computeIfPresent(s.member().userId(), (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    Set<Session> sessionsOf(String userId) {
        Set<Session> set = sessionsByUser.get(userId);
        return set == null ? Set.of() : set;
    }
}
