/**
 * The engine's signaling: one WebSocket per engine speaking docs/protocol.md (requests, responses,
 * events, heartbeats), the AppSign proof of docs/auth.md, and the client-only error codes.
 */
package io.parley.sdk.signal;
