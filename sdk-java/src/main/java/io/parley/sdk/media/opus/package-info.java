/** What the SDK reads of Opus packets without decoding them (RFC 6716 §3: the TOC byte and frame counts). */
package io.parley.sdk.media.opus;
