package io.parley.sdk;

/**
 * ZEGO's IZegoEventHandler: every callback of API.md "Events" as a default method, with ZEGO's
 * arguments and enum values, delivered in order on the engine's one callback thread.
 */
public interface EventHandler {
}
