/**
 * Parley's Java SDK: the ZEGO Express API in the native Java shape ({@link io.parley.sdk.ExpressEngine},
 * {@link io.parley.sdk.EventHandler}) over Parley's signaling protocol (docs/protocol.md) and its
 * ICE/DTLS-SRTP client transport. docs/java-sdk.md is the guide.
 */
package io.parley.sdk;
