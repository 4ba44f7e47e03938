/**
 * What the benchmarks read of other processes from Linux's {@code /proc} (proc(5)): CPU time and
 * resident memory, shared by the load generator, the C floor's driver and the Janus adapter.
 */
package io.parley.bench.os;
