package io.parley.protocol;

/** A message from the server to a client: a {@link Response} to one request, or a pushed {@link Event}. */
public sealed interface ServerMessage permits Response, Event {
}
