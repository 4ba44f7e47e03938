package io.parley.examples.echobot;

import io.parley.sdk.EngineProfile;
import io.parley.sdk.EventHandler;
import io.parley.sdk.ExpressEngine;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.RoomState;
import io.parley.sdk.StreamInfo;
import io.parley.sdk.UpdateType;
import io.parley.sdk.User;
import io.parley.sdk.media.PcmListener;
import io.parley.sdk.media.PcmSink;
import io.parley.sdk.media.PcmSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bot in the shape of an AI voice agent: it logs in to a room, plays every stream that appears
 * there as PCM (ZEGO's onRoomStreamUpdate ADD), hands what it hears to a {@link VoiceAgent}, and
 * publishes what the agent says as {@code STREAMID-echo} through a {@link PcmSource}; when the stream
 * goes (DELETE) it stops both. The default agent repeats what it hears: an echo.
 */
public final class EchoBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EchoBot.class);
    private static final int CUSHION_SAMPLES = 5 * PcmSource.FRAME_SAMPLES;

    /** What the bot publishes in answer to the stream {@code streamID}. */
    public static String echoStreamID(String streamID) {
        return streamID + "-echo";
    }

    /**
     * The hook where an agent goes: speech to text, a language model and text to speech would sit
     * here. It hears each played stream as 48 kHz mono 16-bit PCM, 20 ms or so at a time, on the
     * transport's event loop (it must not block: queue the work elsewhere), and may speak at any time,
     * from any thread, through the stream's {@link Voice}.
     */
    @FunctionalInterface
    public interface VoiceAgent {
        /** {@code pcm[0..samples)} is what {@code streamID}'s publisher just said; valid during the call only. */
        void hear(String streamID, short[] pcm, int samples, Voice voice);

        /** Says back at once what it heard. */
        VoiceAgent ECHO = (streamID, pcm, samples, voice) -> voice.speak(pcm, samples);
    }

    /** Where an agent speaks: 48 kHz mono 16-bit PCM, published in real time as the answer stream. */
    @FunctionalInterface
    public interface Voice {
        /** Queues {@code pcm[0..samples)} to be said; the array may be reused once this returns. */
        void speak(short[] pcm, int samples);
    }

    private final ExpressEngine engine;
    private final String roomID;
    private final User user;
    private final VoiceAgent agent;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** A bot for {@code user} in {@code roomID} of the profile's server; {@link #start(RoomConfig)} logs it in. */
    public EchoBot(EngineProfile profile, String roomID, User user, VoiceAgent agent) {
        this.roomID = roomID;
        this.user = user;
        this.agent = agent;
        this.engine = ExpressEngine.createEngine(profile, new Events());
    }

    /** Logs in; completes when the bot is in the room (the room's streams then arrive as ADD updates). */
    public CompletableFuture<Void> start(RoomConfig config) {
        log.info("logging in to room {} as {}", roomID, user.userID());
        return engine.loginRoom(roomID, user, config)
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        log.info("in room {}: waiting for streams to echo", roomID);
                    } else {
                        log.error("login to room {} failed: {}", roomID, error.getMessage());
                    }
                });
    }

    /** The streams the bot answers right now. */
    public Set<String> answering() {
        return Set.copyOf(answers.keySet());
    }

    /** Leaves the room and releases the engine, waiting 10 s at most (a stopping JVM should not hang on a dead server). */
    @Override
    public void close() {
        log.info("leaving room {}", roomID);
        engine.destroyEngine().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> {
            log.warn("the engine did not stop cleanly: {}", e.toString());
            return null;
        }).join();
    }

    private void answer(StreamInfo stream) {
        String streamID = stream.streamID();
        if (user.userID().equals(stream.user().userID()) || answers.containsKey(streamID)) {
            return; // its own answers, or one it already plays
        }
        Answer answer = new Answer(streamID);
        answers.put(streamID, answer);
        log.info("{} ({}) appeared: playing it, answering as {}", streamID, stream.user().userID(), answer.echoID);
        // Callbacks run on the engine's callback thread, which completes these futures: never wait on them here.
        answer.publish();
        engine.startPlayingStream(streamID, new PcmSink(new Listener(streamID, answer)))
                .whenComplete((ok, error) -> logOutcome("playing " + streamID, error));
    }

    private void hangUp(StreamInfo stream) {
        String streamID = stream.streamID();
        Answer answer = answers.remove(streamID);
        if (answer == null) {
            return;
        }
        log.info("{} ended: stopping its play and {}", streamID, answer.echoID);
        engine.stopPlayingStream(streamID).whenComplete((ok, error) -> logOutcome("stopping the play of " + streamID, error));
        if (answer.published) {
            engine.stopPublishingStream(answer.echoID).whenComplete((ok, error) -> logOutcome("stopping " + answer.echoID, error));
        }
    }

    /**
     * The bot's answer to one stream: the PCM source it publishes, made again when a publish fails
     * (a source starts once), a few times, while the stream it answers is still there.
     */
    private final class Answer implements Voice {
        private static final int ATTEMPTS = 3;

        final String streamID;
        final String echoID;
        private volatile PcmSource source;
        private volatile boolean published;
        private volatile int attempts;

        Answer(String streamID) {
            this.streamID = streamID;
            this.echoID = echoStreamID(streamID);
        }

        void publish() {
            PcmSource next = new PcmSource(1);
            // 100 ms of silence first: the source sends a packet every 20 ms and nothing when its queue is
            // empty, so what the bot hears, arriving with the network's jitter, needs that much of a cushion.
            next.push(new short[CUSHION_SAMPLES], 0, CUSHION_SAMPLES);
            source = next;
            attempts++;
            engine.startPublishingStream(echoID, next).whenComplete((ok, error) -> {
                if (error == null && answers.get(streamID) != this) {
                    // the stream it answers ended while this publish was on its way
                    engine.stopPublishingStream(echoID).whenComplete((stopped, e) -> logOutcome("stopping " + echoID, e));
                } else if (error == null) {
                    published = true;
                    log.info("publishing {}: ok", echoID);
                } else if (answers.get(streamID) == this && attempts < ATTEMPTS) {
                    log.warn("publishing {} failed ({}): trying again in 2 s", echoID, error.getMessage());
                    next.close();
                    CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> {
                        if (answers.get(streamID) == this) {
                            publish();
                        }
                    });
                } else {
                    log.warn("publishing {} failed ({}); giving up", echoID, error.getMessage());
                }
            });
        }

        @Override
        public void speak(short[] pcm, int samples) {
            source.push(pcm, 0, samples);
        }
    }

    private static void logOutcome(String what, Throwable error) {
        if (error == null) {
            log.info("{}: ok", what);
        } else {
            log.warn("{} failed: {}", what, error.getMessage());
        }
    }

    /** Turns one played stream's decoded PCM into mono for the agent, and says every 5 s how much it heard. */
    private final class Listener implements PcmListener {
        private static final long REPORT_SAMPLES = 5 * 48_000;

        private final String streamID;
        private final Voice voice;
        private short[] mono = new short[960];
        private long heard;

        Listener(String streamID, Voice voice) {
            this.streamID = streamID;
            this.voice = voice;
        }

        @Override
        public void onPcm(short[] pcm, int samplesPerChannel, int channels) {
            if (mono.length < samplesPerChannel) {
                mono = new short[samplesPerChannel];
            }
            for (int i = 0; i < samplesPerChannel; i++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += pcm[i * channels + c];
                }
                mono[i] = (short) (sum / channels);
            }
            if (heard == 0) {
                log.info("{}: hearing it ({} channel(s) in, mono to the agent)", streamID, channels);
            }
            agent.hear(streamID, mono, samplesPerChannel, voice);
            if ((heard + samplesPerChannel) / REPORT_SAMPLES > heard / REPORT_SAMPLES) {
                log.info("{}: heard {} s so far", streamID, (heard + samplesPerChannel) / 48_000);
            }
            heard += samplesPerChannel;
        }
    }

    /** The room's events that matter to the bot. */
    private final class Events implements EventHandler {
        @Override
        public void onRoomStreamUpdate(String roomID, UpdateType updateType, List<StreamInfo> streamList, String extendedData) {
            for (StreamInfo stream : streamList) {
                if (updateType == UpdateType.ADD) {
                    answer(stream);
                } else {
                    hangUp(stream);
                }
            }
        }

        @Override
        public void onRoomStateUpdate(String roomID, RoomState state, int errorCode, String extendedData) {
            log.info("room {}: {}{}", roomID, state, errorCode == 0 ? "" : " (error " + errorCode + ")");
        }
    }
}
