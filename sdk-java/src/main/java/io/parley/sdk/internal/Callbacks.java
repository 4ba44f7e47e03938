package io.parley.sdk.internal;

import io.parley.sdk.EventHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's callback thread: the application's {@link EventHandler} calls and the completion of
 * the engine's futures, in one order, one at a time. Completing a call's future here, before the
 * events its response caused, keeps the protocol's order (docs/protocol.md "Envelope"). A handler
 * that throws is logged and the next callback still runs.
 */
public final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private final EventHandler handler;
    private final Executor thread;

    public Callbacks(EventHandler handler, Executor thread) {
        this.handler = handler == null ? new EventHandler() { } : handler;
        this.thread = thread;
    }

    /** Calls the handler on the callback thread. */
    public void post(Consumer<EventHandler> call) {
        run(() -> {
            try {
                call.accept(handler);
            } catch (RuntimeException e) {
                LOG.warn("an EventHandler callback threw", e);
            }
        });
    }

    /** Completes {@code future} with {@code value} on the callback thread. */
    public <T> void complete(CompletableFuture<T> future, T value) {
        run(() -> future.complete(value));
    }

    /** Fails {@code future} on the callback thread. */
    public void fail(CompletableFuture<?> future, Throwable error) {
        run(() -> future.completeExceptionally(error));
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("callback dropped: {}", e.getMessage());
        }
    }
}
