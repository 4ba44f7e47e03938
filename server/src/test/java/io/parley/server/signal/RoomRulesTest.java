package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.Request;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DESIGN.md's rules of rooms, users and streams, each through real WebSockets. */
class RoomRulesTest {
    private TestServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void publishBeforeLoginIsRefused() {
        ScriptedClient c = server.client();
        JsonNode r = c.call(new Request.Publish(c.nextId(), "s1", "", null));
        assertThat(r.path("code").asInt()).isEqualTo(1000002);
        JsonNode p = c.call(new Request.Play(c.nextId(), "s1"));
        assertThat(p.path("code").asInt()).isEqualTo(1000002);
    }

    @Test
    void loginAnswersWithTheRoomAndSendsItAsAddUpdates() {
        ScriptedClient a = server.joined("room1", "a", true);
        assertThat(a.call(new Request.Publish(a.nextId(), "sa", "hello", null)).path("code").asInt()).isZero();
        a.call(new Request.SetRoomExtraInfo(a.nextId(), "topic", "cats"));
        ScriptedClient b = server.client();
        JsonNode r = b.login(TestServer.APP.appId(), "room1", "b", server.token(TestServer.APP, "b"), true);
        assertThat(r.path("code").asInt()).isZero();
        assertThat(r.path("roomSessionID").asText()).isNotEmpty();
        assertThat(r.path("sessionToken").asText()).hasSize(32);
        assertThat(r.at("/userList/0/userID").asText()).isEqualTo("a");
        assertThat(r.at("/streamList/0/extraInfo").asText()).isEqualTo("hello");
        assertThat(r.at("/roomExtraInfoList/0/value").asText()).isEqualTo("cats");
        JsonNode users = b.event("roomUserUpdate");
        assertThat(users.path("updateType").asText()).isEqualTo("ADD");
        assertThat(users.at("/userList/0/userID").asText()).isEqualTo("a");
        JsonNode streams = b.event("roomStreamUpdate");
        assertThat(streams.path("updateType").asText()).isEqualTo("ADD");
        assertThat(streams.at("/streamList/0/streamID").asText()).isEqualTo("sa");
        assertThat(a.event("roomUserUpdate").at("/userList/0/userID").asText()).isEqualTo("b");
    }

    @Test
    void aLoginWithoutUserUpdatesGetsNoUserListButStillTheStreams() {
        ScriptedClient a = server.joined("room1", "a", false);
        assertThat(a.call(new Request.Publish(a.nextId(), "sa", "", null)).path("code").asInt()).isZero();
        ScriptedClient b = server.client();
        JsonNode r = b.login(TestServer.APP.appId(), "room1", "b", server.token(TestServer.APP, "b"), false);
        assertThat(r.path("code").asInt()).isZero();
        // The response lists only the users a roomUserUpdate ADD tells of: none without isUserStatusNotify.
        assertThat(r.path("userList").isArray()).isTrue();
        assertThat(r.path("userList")).isEmpty();
        assertThat(r.at("/streamList/0/streamID").asText()).isEqualTo("sa");
        assertThat(b.event("roomStreamUpdate").at("/streamList/0/streamID").asText()).isEqualTo("sa");
        assertThat(b.received()).noneMatch(m -> m.path("event").asText().equals("roomUserUpdate"));
    }

    @Test
    void userUpdatesReachOnlySessionsThatAskedButStreamUpdatesReachAll() {
        ScriptedClient quiet = server.joined("room1", "quiet", false);
        ScriptedClient loud = server.joined("room1", "loud", true);
        ScriptedClient third = server.joined("room1", "third", false);
        assertThat(loud.event("roomUserUpdate").at("/userList/0/userID").asText()).isEqualTo("quiet"); // the snapshot
        assertThat(loud.event("roomUserUpdate").at("/userList/0/userID").asText()).isEqualTo("third");
        third.call(new Request.Publish(third.nextId(), "s3", "", null));
        assertThat(quiet.event("roomStreamUpdate").at("/streamList/0/streamID").asText()).isEqualTo("s3");
        assertThat(loud.event("roomStreamUpdate").at("/streamList/0/streamID").asText()).isEqualTo("s3");
        assertThat(quiet.received()).noneMatch(m -> m.path("event").asText().equals("roomUserUpdate"));
        assertThat(third.received()).noneMatch(m -> m.path("event").asText().equals("roomStreamUpdate"));
    }

    @Test
    void aDuplicateStreamIdFailsForTheLaterPublisherAndLeavesTheFirstAlone() {
        ScriptedClient first = server.joined("room1", "first", false);
        ScriptedClient later = server.joined("room2", "later", false);
        ScriptedClient watcher = server.joined("room1", "watcher", false);
        assertThat(first.call(new Request.Publish(first.nextId(), "cam", "mine", null)).path("code").asInt()).isZero();
        watcher.event("roomStreamUpdate");
        JsonNode r = later.call(new Request.Publish(later.nextId(), "cam", "theirs", null));
        assertThat(r.path("code").asInt()).isEqualTo(1003028);
        assertThat(watcher.sees("roomStreamUpdate", 300)).isFalse();
        assertThat(first.received()).noneMatch(m -> m.path("event").asText().equals("kickedOut"));
        // The first still owns it: its extra info can change, and others see that.
        assertThat(first.call(new Request.SetStreamExtraInfo(first.nextId(), "cam", "still")).path("code").asInt()).isZero();
        assertThat(watcher.event("roomStreamExtraInfoUpdate").at("/streamList/0/extraInfo").asText()).isEqualTo("still");
        assertThat(first.call(new Request.Publish(first.nextId(), "cam", "", null)).path("code").asInt()).isEqualTo(1003023);
    }

    @Test
    void aDuplicateUserIdKicksTheFirstSessionAndItsStreamsLeaveWithReason3() {
        ScriptedClient first = server.joined("room1", "dup", false);
        ScriptedClient watcher = server.joined("room1", "watcher", true);
        first.call(new Request.Publish(first.nextId(), "s1", "", null));
        watcher.event("roomStreamUpdate");
        ScriptedClient second = server.joined("room1", "dup", false);
        JsonNode kicked = first.event("kickedOut");
        assertThat(kicked.path("errorCode").asInt()).isEqualTo(1002050);
        JsonNode deleted = watcher.event("roomStreamUpdate");
        assertThat(deleted.path("updateType").asText()).isEqualTo("DELETE");
        assertThat(deleted.at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(3);
        assertThat(watcher.event("roomUserUpdate", m -> m.path("updateType").asText().equals("DELETE"))
                .at("/userList/0/userID").asText()).isEqualTo("dup");
        assertThat(watcher.event("roomUserUpdate", m -> m.path("updateType").asText().equals("ADD"))
                .at("/userList/0/userID").asText()).isEqualTo("dup");
        // The second session works: its publish of the same streamID now succeeds.
        assertThat(second.call(new Request.Publish(second.nextId(), "s1", "", null)).path("code").asInt()).isZero();
    }

    @Test
    void aDuplicateLoginOfARoomsOnlyUserKeepsTheRoom() throws Exception {
        ScriptedClient first = server.joined("alone", "a", false);
        first.call(new Request.SetRoomExtraInfo(first.nextId(), "k", "kept"));
        server.joined("alone", "a", false);
        assertThat(first.event("kickedOut").path("errorCode").asInt()).isEqualTo(1002050);
        ScriptedClient b = server.client();
        JsonNode r = b.login(TestServer.APP.appId(), "alone", "b", server.token(TestServer.APP, "b"), true);
        assertThat(r.at("/userList/0/userID").asText()).isEqualTo("a");
        assertThat(r.at("/roomExtraInfoList/0/value").asText()).isEqualTo("kept");
        assertThat(server.server.rooms().roomCount()).isEqualTo(1);
    }

    @Test
    void aDuplicateUserIdInAnotherRoomOfTheAppAlsoKicks() {
        ScriptedClient first = server.joined("room1", "dup", false);
        server.joined("room2", "dup", false);
        assertThat(first.event("kickedOut").path("errorCode").asInt()).isEqualTo(1002050);
    }

    @Test
    void logoutDeletesTheSessionsStreamsWithReason1() {
        ScriptedClient pub = server.joined("room1", "pub", false);
        ScriptedClient watcher = server.joined("room1", "watcher", true);
        pub.call(new Request.Publish(pub.nextId(), "s1", "", null));
        watcher.event("roomStreamUpdate");
        assertThat(pub.call(new Request.Logout(pub.nextId())).path("code").asInt()).isZero();
        JsonNode deleted = watcher.event("roomStreamUpdate");
        assertThat(deleted.path("updateType").asText()).isEqualTo("DELETE");
        assertThat(deleted.at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(1);
        assertThat(watcher.event("roomUserUpdate", m -> m.path("updateType").asText().equals("DELETE"))).isNotNull();
        // After logout the connection may log in again.
        assertThat(pub.login(TestServer.APP.appId(), "room1", "pub", server.token(TestServer.APP, "pub"), false)
                .path("code").asInt()).isZero();
    }

    @Test
    void unpublishDeletesWithReason1AndPlayersGoBackToWaiting() {
        ScriptedClient pub = server.joined("room1", "pub", false);
        ScriptedClient player = server.joined("room1", "player", false);
        pub.call(new Request.Publish(pub.nextId(), "s1", "", null));
        JsonNode play = player.call(new Request.Play(player.nextId(), "s1"));
        assertThat(play.path("state").asText()).isEqualTo("PLAYING");
        pub.call(new Request.Unpublish(pub.nextId(), "s1"));
        JsonNode deleted = player.event("roomStreamUpdate", m -> m.path("updateType").asText().equals("DELETE"));
        assertThat(deleted.at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(1);
        assertThat(player.event("playerStateUpdate").path("state").asText()).isEqualTo("PLAY_REQUESTING");
    }

    @Test
    void playBeforePublishWaitsThenStarts() {
        ScriptedClient player = server.joined("room1", "player", false);
        ScriptedClient pub = server.joined("room1", "pub", false);
        JsonNode play = player.call(new Request.Play(player.nextId(), "later"));
        assertThat(play.path("code").asInt()).isZero();
        assertThat(play.path("state").asText()).isEqualTo("PLAY_REQUESTING");
        pub.call(new Request.Publish(pub.nextId(), "later", "", null));
        JsonNode started = player.event("playerStateUpdate");
        assertThat(started.path("streamID").asText()).isEqualTo("later");
        assertThat(started.path("state").asText()).isEqualTo("PLAYING");
        assertThat(player.call(new Request.StopPlay(player.nextId(), "later")).path("code").asInt()).isZero();
        assertThat(player.call(new Request.StopPlay(player.nextId(), "later")).path("code").asInt()).isEqualTo(1004002);
    }

    @Test
    void theSameRoomIdInTwoAppsIsTwoRooms() {
        ScriptedClient a = server.joined("shared", "a", true);
        ScriptedClient b = server.client();
        assertThat(b.login(TestServer.OTHER_APP.appId(), "shared", "b", server.token(TestServer.OTHER_APP, "b"), true)
                .path("userList").size()).isZero();
        assertThat(b.call(new Request.Publish(b.nextId(), "cam", "", null)).path("code").asInt()).isZero();
        // The same streamID in app A is free: uniqueness is per app.
        assertThat(a.call(new Request.Publish(a.nextId(), "cam", "", null)).path("code").asInt()).isZero();
        b.call(new Request.Broadcast(b.nextId(), "hi"));
        assertThat(a.sees("roomUserUpdate", 300)).isFalse();
        assertThat(a.received()).noneMatch(m -> m.path("event").asText().startsWith("IMRecv")
                || m.path("event").asText().equals("roomStreamUpdate"));
    }

    @Test
    void messagesReachTheOthersOfTheRoom() {
        ScriptedClient a = server.joined("room1", "a", false);
        ScriptedClient b = server.joined("room1", "b", false);
        ScriptedClient c = server.joined("room1", "c", false);
        JsonNode sent = a.call(new Request.Broadcast(a.nextId(), "hello all"));
        assertThat(sent.path("messageID").asLong()).isPositive();
        assertThat(b.event("IMRecvBroadcastMessage").at("/messageList/0/message").asText()).isEqualTo("hello all");
        assertThat(c.event("IMRecvBroadcastMessage").at("/messageList/0/fromUser/userID").asText()).isEqualTo("a");
        a.call(new Request.Barrage(a.nextId(), "wow"));
        assertThat(b.event("IMRecvBarrageMessage").at("/messageList/0/message").asText()).isEqualTo("wow");
        a.call(new Request.CustomCommand(a.nextId(), "only-c", List.of("c")));
        assertThat(c.event("IMRecvCustomCommand").path("command").asText()).isEqualTo("only-c");
        assertThat(b.sees("IMRecvCustomCommand", 300)).isFalse();
        assertThat(a.received()).noneMatch(m -> m.path("event").asText().startsWith("IMRecv"));
    }

    @Test
    void roomExtraInfoReachesTheOthersAndKeepsAtMostTenKeys() throws Exception {
        ScriptedClient a = server.joined("room1", "a", false);
        ScriptedClient b = server.joined("room1", "b", false);
        assertThat(a.call(new Request.SetRoomExtraInfo(a.nextId(), "topic", "cats")).path("code").asInt()).isZero();
        JsonNode update = b.event("roomExtraInfoUpdate");
        assertThat(update.at("/roomExtraInfoList/0/key").asText()).isEqualTo("topic");
        assertThat(update.at("/roomExtraInfoList/0/updateUser/userID").asText()).isEqualTo("a");
        for (int i = 1; i < 10; i++) {
            assertThat(a.call(new Request.SetRoomExtraInfo(a.nextId(), "k" + i, "v")).path("code").asInt()).isZero();
        }
        assertThat(a.call(new Request.SetRoomExtraInfo(a.nextId(), "k10", "v")).path("code").asInt()).isEqualTo(1003051);
        assertThat(a.call(new Request.SetRoomExtraInfo(a.nextId(), "topic", "dogs")).path("code").asInt()).isZero();
        assertThat(a.received()).noneMatch(m -> m.path("event").asText().equals("roomExtraInfoUpdate"));
    }

    @Test
    void theRoomIsRemovedWithItsLastUser() {
        ScriptedClient a = server.joined("room1", "a", false);
        a.call(new Request.SetRoomExtraInfo(a.nextId(), "k", "v"));
        assertThat(server.server.rooms().roomCount()).isEqualTo(1);
        a.call(new Request.Logout(a.nextId()));
        org.awaitility.Awaitility.await().until(() -> server.server.rooms().roomCount() == 0);
        // A new room of the same ID starts empty: no old extra info.
        ScriptedClient b = server.joined("room1", "b", false);
        assertThat(b.received().get(0).path("roomExtraInfoList").size()).isZero();
    }
}
