package io.parley.sdk.rtc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The two clocks of one side's transport, publishing or playing: its RTCP reports about once a
 * second (RFC 3550 §6.2, on the shared timer thread) and the quality callbacks every 3 s, as ZEGO
 * reports them (on the engine's loop). They start with the first stream and stop when the side closes.
 */
final class ReportTimers {
    private final MediaContext ctx;
    private final Runnable sendReports;
    private final Runnable reportQuality;
    private ScheduledFuture<?> reports;
    private ScheduledFuture<?> quality;

    ReportTimers(MediaContext ctx, Runnable sendReports, Runnable reportQuality) {
        this.ctx = ctx;
        this.sendReports = sendReports;
        this.reportQuality = reportQuality;
    }

    /** Starts both clocks, unless they run already. */
    synchronized void start() {
        if (reports != null) {
            return;
        }
        reports = ctx.timers().scheduleAtFixedRate(sendReports, 1, 1, TimeUnit.SECONDS);
        quality = ctx.timers().scheduleAtFixedRate(() -> ctx.loop().execute(reportQuality), 3, 3, TimeUnit.SECONDS);
    }

    /** Stops both clocks; a later {@link #start} starts them again. */
    synchronized void stop() {
        if (reports != null) {
            reports.cancel(false);
            quality.cancel(false);
            reports = null;
            quality = null;
        }
    }
}
