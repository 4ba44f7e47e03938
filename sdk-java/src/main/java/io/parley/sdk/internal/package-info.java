/**
 * What engines share inside one JVM (threads, the HTTP client, the media client) and the serial
 * executors that give each engine an ordered loop and callback thread without a thread of its own.
 * Not an API: it may change without notice.
 */
package io.parley.sdk.internal;
