package io.parley.server.auth;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Token04 minter written for the tests from API.md's layout alone, sharing no code with
 * {@link Token04}, so that a token the production verifier accepts is known to follow the format
 * and not merely to agree with itself. Every part can be set, so tests can mint tokens that are
 * wrong in exactly one way.
 */
final class ZegoStyleTokens {
    static final String SECRET = "0123456789abcdefghijklmnopqrstuv";
    static final String IV_CBC = "a1b2c3d4e5f6g7h8";
    static final byte[] IV_GCM = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    private ZegoStyleTokens() {
    }

    /** The claims JSON in the order ZEGO's Go generator writes it. */
    static String goOrderJson(long appId, String userId, long ctime, long expire, int nonce, String payload) {
        return "{\"app_id\":" + appId + ",\"user_id\":" + quote(userId) + ",\"ctime\":" + ctime
                + ",\"expire\":" + expire + ",\"nonce\":" + nonce + ",\"payload\":" + quote(payload) + "}";
    }

    /** The claims JSON in the order ZEGO's Node generator writes it. */
    static String nodeOrderJson(long appId, String userId, long ctime, long expire, int nonce, String payload) {
        return "{\"app_id\":" + appId + ",\"user_id\":" + quote(userId) + ",\"nonce\":" + nonce + ",\"ctime\":" + ctime
                + ",\"expire\":" + expire + ",\"payload\":" + quote(payload) + "}";
    }

    /** The GCM layout: expire, 12-byte IV, ciphertext with tag, mode byte 1, under {@link #SECRET}. */
    static byte[] gcmBinary(long headerExpire, String json) {
        byte[] sealed = gcm(SECRET, IV_GCM, json);
        return layout(headerExpire, IV_GCM, sealed, new byte[] {1});
    }

    /** The CBC layout: expire, 16-byte IV of letters and digits, PKCS#7 ciphertext, no mode byte. */
    static byte[] cbcBinary(long headerExpire, String json) {
        byte[] iv = IV_CBC.getBytes(StandardCharsets.US_ASCII);
        return layout(headerExpire, iv, cbc(SECRET, iv, json), new byte[0]);
    }

    static String token(byte[] binary) {
        return "04" + Base64.getEncoder().encodeToString(binary);
    }

    static byte[] layout(long expire, byte[] iv, byte[] cipherText, byte[] trailer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(expire);
            out.writeShort(iv.length);
            out.write(iv);
            out.writeShort(cipherText.length);
            out.write(cipherText);
            out.write(trailer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gcm(String secret, byte[] iv, String json) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "AES"),
                    new GCMParameterSpec(128, iv));
            return c.doFinal(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] cbc(String secret, byte[] iv, String json) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "AES"),
                    new IvParameterSpec(iv));
            return c.doFinal(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A JSON string literal; enough escaping for the payloads the tests write. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
