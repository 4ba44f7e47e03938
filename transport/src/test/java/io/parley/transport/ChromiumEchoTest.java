package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.parley.transport.dtls.Fingerprint;
import io.parley.transport.ice.IceCredentials;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.parley.transport.srtp.SrtpProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interop with a real browser: headless Chromium (e2e/js/transport-echo.mjs) sends its fake camera
 * and microphone to an echo endpoint on our server role, which returns every RTP and RTCP packet
 * on the same SSRCs; Chromium must decode its own video and receive its own audio, over DTLS 1.2.
 */
class ChromiumEchoTest {
    private static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();
    private static final String CHROMIUM = System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium");

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void chromium_decodes_its_own_video_and_audio_echoed_through_our_dtls_srtp(SrtpProfile profile) throws Exception {
        if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core")) || !Files.isExecutable(Path.of(CHROMIUM))) {
            fail("the browser test needs " + E2E.resolve("node_modules") + " and " + CHROMIUM
                    + ": run ./parley test, which installs them");
        }
        AtomicLong echoedRtp = new AtomicLong();
        AtomicLong echoedRtcp = new AtomicLong();
        try (MediaServer server = MediaServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TransportLimits.DEFAULTS, profile)) {
            MediaTransport[] holder = new MediaTransport[1];
            MediaTransport echo = server.createTransport(new MediaTransport.Listener() {
                @Override
                public void onRtp(byte[] buf, int off, int len) {
                    if (holder[0].sendRtp(buf, off, len)) {
                        echoedRtp.incrementAndGet();
                    }
                }

                @Override
                public void onRtcp(byte[] buf, int off, int len) {
                    if (holder[0].sendRtcp(buf, off, len)) {
                        echoedRtcp.incrementAndGet();
                    }
                }
            });
            holder[0] = echo;

            Process node = new ProcessBuilder("node", "js/transport-echo.mjs")
                    .directory(E2E.toFile())
                    .redirectError(new File(System.getProperty("java.io.tmpdir"), "parley-transport-echo.log"))
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
                 Writer in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
                String offer = decode(out.readLine(), "OFFER ");
                echo.start(RemoteParameters.forServer(
                        new IceCredentials(EchoAnswer.value(offer, "a=ice-ufrag:"), EchoAnswer.value(offer, "a=ice-pwd:")),
                        Fingerprint.parse(EchoAnswer.value(offer, "a=fingerprint:"))));
                String answer = EchoAnswer.build(offer, echo, server.localAddress());
                in.write("ANSWER " + Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8)) + "\n");
                in.flush();

                String result = out.readLine();
                System.out.println("chromium: " + result + ", echoed " + echoedRtp + " RTP, " + echoedRtcp
                        + " RTCP, refused " + server.port().refusedSenders() + " datagrams from beyond loopback");
                assertThat(result).as("the node driver's result (stderr in %s/parley-transport-echo.log)",
                        System.getProperty("java.io.tmpdir")).startsWith("RESULT ");
                assertThat(number(result, "framesDecoded")).as(result).isGreaterThan(0);
                assertThat(number(result, "audioPacketsReceived")).as(result).isGreaterThan(0);
                assertThat(result).as("DTLS 1.2 is 0xFEFD").contains("\"tlsVersion\":\"FEFD\"");
                assertThat(result).contains("\"srtpCipher\":\"SRTP_" + profile.name() + "\"");
                assertThat(echoedRtp.get()).isPositive();
                assertThat(server.port().refusedDestinations()).as("nothing sent beyond loopback").isZero();
            } finally {
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroy();
                    node.waitFor(10, TimeUnit.SECONDS);
                    node.destroyForcibly();
                }
            }
        }
    }

    private static String decode(String line, String prefix) {
        if (line == null || !line.startsWith(prefix)) {
            throw new AssertionError("expected '" + prefix + "...' from the node driver, got: " + line);
        }
        return new String(Base64.getDecoder().decode(line.substring(prefix.length())), StandardCharsets.UTF_8);
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
