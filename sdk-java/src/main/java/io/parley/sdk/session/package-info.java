/**
 * A user's session in a room: login, ZEGO's room callbacks from the server's events, and resuming
 * after a lost socket (docs/protocol.md "Reconnect").
 */
package io.parley.sdk.session;
