/** The IVF container of VP8 files (libvpx's "DKIF" header and 12-byte frame headers), read and written over streams. */
package io.parley.sdk.media.ivf;
