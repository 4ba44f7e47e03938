package io.parley.server.api;

import static io.parley.server.api.RestCalls.NOW;
import static io.parley.server.api.RestCalls.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.auth.NonceCache;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestApiRefusalTest {
    final RestCalls calls = new RestCalls();

    private Map<String, List<String>> good(String... extra) {
        return query("DescribeUserNum", calls.nextNonce(), NOW, extra);
    }

    private Map<String, List<String>> without(String name) {
        Map<String, List<String>> q = good("RoomId[]", "r1");
        q.remove(name);
        return q;
    }

    private Map<String, List<String>> with(String name, String value) {
        Map<String, List<String>> q = good("RoomId[]", "r1");
        q.put(name, List.of(value));
        return q;
    }

    @Test
    void refusesAWrongSignatureWith100000005() {
        calls.refused(with("Signature", "0".repeat(32)), 100000005, 401);
        calls.refused(with("Signature", "not hex"), 100000005, 401);
    }

    @Test
    void acceptsTheSignatureInUpperCase() {
        Map<String, List<String>> q = good("RoomId[]", "r1");
        q.put("Signature", List.of(q.get("Signature").get(0).toUpperCase()));

        assertThat(calls.send(q, 200).get("Code").asInt()).isZero();
    }

    @Test
    void refusesAStaleOrFutureTimestampWith100000004() {
        calls.refused(query("DescribeUserNum", calls.nextNonce(), NOW - 601, "RoomId[]", "r1"), 100000004, 401);
        calls.refused(query("DescribeUserNum", calls.nextNonce(), NOW + 601, "RoomId[]", "r1"), 100000004, 401);
        calls.send(query("DescribeUserNum", calls.nextNonce(), NOW - 600, "RoomId[]", "r1"), 200);
    }

    @Test
    void refusesAReusedNonceButNotOneThatOnlyFailedItsSignature() {
        Map<String, List<String>> first = good("RoomId[]", "r1");
        Map<String, List<String>> forged = new java.util.HashMap<>(first);
        forged.put("Signature", List.of("0".repeat(32)));

        calls.refused(forged, 100000005, 401);
        calls.send(first, 200);
        calls.refused(first, 100000101, 401);
    }

    @Test
    void refusesWhenTheNonceCacheIsFullWith429() {
        RestCalls small = new RestCalls(new NonceCache(1, 1200));
        small.call("DescribeUserNum", "RoomId[]", "r1");

        small.refused("DescribeUserNum", 100000102, 429, "RoomId[]", "r1");
    }

    @Test
    void refusesAnUnknownAppWith100000010() {
        calls.refused(with("AppId", "42"), 100000010, 401);
    }

    @Test
    void refusesMissingOrMalformedCommonParametersWithZegosCodes() {
        calls.refused(without("AppId"), 100000001, 400);
        calls.refused(with("AppId", "12x"), 100000001, 400);
        calls.refused(with("AppId", "4294967296"), 100000001, 400);
        calls.refused(with("AppId", "0"), 100000001, 400);
        calls.refused(without("Timestamp"), 100000002, 400);
        calls.refused(with("Timestamp", "yesterday"), 100000003, 400);
        calls.refused(with("Timestamp", "9".repeat(40)), 100000003, 400);
        calls.refused(without("SignatureNonce"), 100000008, 400);
        calls.refused(with("SignatureNonce", "not-hex!"), 2, 400);
        calls.refused(with("SignatureNonce", "a".repeat(65)), 2, 400);
        calls.refused(without("Signature"), 100000009, 400);
        calls.refused(without("SignatureVersion"), 100000013, 400);
        calls.refused(with("SignatureVersion", "1.0"), 100000014, 400);
    }

    @Test
    void refusesAMissingOrUnknownActionAfterAuthenticating() {
        calls.refused(without("Action"), 100000006, 400);
        calls.refused(with("Action", "DescribeEverything"), 100000007, 400);
        calls.refused(with("Action", "describeusernum"), 100000007, 400);
        assertThat(calls.refused(with("Action", "Evil\nLine" + "x".repeat(100)), 100000007, 400)
                .get("Message").asText()).isEqualTo("unsupported Action 'Evil?Line" + "x".repeat(55) + "...'");
    }

    @Test
    void refusesBadRoomAndUserIds() {
        calls.refused("DescribeSimpleStreamList", 2, 400, "RoomId", "has space");
        calls.refused("DescribeSimpleStreamList", 2, 400, "RoomId", "new\nline");
        calls.refused("DescribeSimpleStreamList", 3, 400, "RoomId", "r".repeat(128));
        calls.send(query("DescribeSimpleStreamList", calls.nextNonce(), NOW, "RoomId", "r".repeat(127)), 200);
        calls.refused("DescribeSimpleStreamList", 2, 400, "RoomId", "");
        calls.refused("DescribeSimpleStreamList", 2, 400, "RoomId", "a", "RoomId", "b");
        calls.refused("DescribeUsers", 3, 400, "RoomId", "r1", "UserId[]", "u".repeat(64));
    }

    @Test
    void aFailureInTheRoomServiceIsA500WithCode1() {
        calls.rooms.failure = new IllegalStateException("boom");

        calls.refused("DescribeUserNum", 1, 500, "RoomId[]", "r1");
    }
}
