package io.parley.bench.load.targets;

import io.parley.bench.load.server.ServerProbe;

/**
 * A server under load, as the scenarios see it: Parley (through Java SDK engines) or Janus's
 * VideoRoom (through the adapter in {@code io.parley.bench.janus}). Each user of a run is one
 * {@link LoadClient}; the {@link ServerProbe} reads the server process's CPU, memory and counters.
 * Closing the target stops what it started.
 */
public interface LoadTarget extends AutoCloseable {
    /** The column this target's figures go under ("parley", "janus"). */
    String name();

    /** Reads the server process under load. */
    ServerProbe probe();

    /** A new user of this target, not yet logged in. */
    LoadClient client(String userId);

    @Override
    void close();
}
