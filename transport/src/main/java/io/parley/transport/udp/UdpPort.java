package io.parley.transport.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.internal.PlatformDependent;
import io.parley.transport.RateLimitedLog;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP socket shared by every session (RFC 8445 §5.1.1.1 lets all components share a host
 * candidate's port; RFC 8843 BUNDLE and RFC 5761 rtcp-mux let all media share it). Netty's epoll
 * transport reads with recvmmsg and writes a flush's worth of datagrams with sendmmsg; NIO is the
 * fallback. All receiving happens on one event-loop thread, which is what lets the layers above
 * keep per-port scratch buffers without locks.
 */
public final class UdpPort implements AutoCloseable {
    /** Called on the event loop for every datagram; the bytes are valid only during the call. */
    @FunctionalInterface
    public interface Receiver {
        void onDatagram(byte[] buf, int off, int len, InetSocketAddress sender);
    }

    /** Largest datagram we accept; bigger ones are truncated by the kernel and then dropped as bad. */
    public static final int MAX_DATAGRAM = 2048;
    private static final int BATCH = 16;
    private static final Logger LOG = LoggerFactory.getLogger(UdpPort.class);

    private final EventLoopGroup ownGroup;
    private final Channel channel;
    private final boolean loopbackOnly;
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final Runnable flushTask;
    // Datagrams sent from other threads, written and flushed by one task on the event loop. Writing
    // them with channel.write from those threads queued each write behind a flush already queued,
    // so all but the first datagram of a burst waited for some later send to flush them.
    private final Queue<DatagramPacket> fromOtherThreads = PlatformDependent.newMpscQueue();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Runnable drainTask;
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder refusedDestinations = new LongAdder();
    private final LongAdder refusedSenders = new LongAdder();
    private final LongAdder receiverErrors = new LongAdder();
    private final RateLimitedLog receiverErrorLog = new RateLimitedLog(LOG, "receive path threw, datagram dropped", 10_000);
    private final RateLimitedLog refusedLog = new RateLimitedLog(LOG, "not sending beyond loopback from a loopback port", 10_000);

    private UdpPort(EventLoopGroup ownGroup, Channel channel, boolean loopbackOnly) {
        this.ownGroup = ownGroup;
        this.channel = channel;
        this.loopbackOnly = loopbackOnly;
        this.flushTask = () -> {
            flushPending.set(false);
            channel.flush();
        };
        this.drainTask = () -> {
            drainPending.set(false);
            DatagramPacket p;
            while ((p = fromOtherThreads.poll()) != null) {
                channel.write(p, channel.voidPromise());
            }
            channel.flush();
        };
    }

    /** Event-loop threads for ports bound with {@link #bind(InetSocketAddress, Receiver, EventLoopGroup)}. */
    public static EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** Binds {@code local} (port 0 picks one) on a thread of its own and delivers datagrams to {@code receiver}. */
    public static UdpPort bind(InetSocketAddress local, Receiver receiver) {
        EventLoopGroup group = newGroup(1);
        try {
            return bind(local, receiver, group, group);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /**
     * Binds {@code local} on one thread of {@code shared} (from {@link #newGroup}), so that many
     * ports, as a load generator opens, need not a thread each. Closing the port leaves the group.
     */
    public static UdpPort bind(InetSocketAddress local, Receiver receiver, EventLoopGroup shared) {
        return bind(local, receiver, shared, null);
    }

    private static UdpPort bind(InetSocketAddress local, Receiver receiver, EventLoopGroup group, EventLoopGroup own) {
        boolean epoll = Epoll.isAvailable();
        Holder holder = new Holder();
        Bootstrap b = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(new Inbound(holder, receiver));
        if (epoll) {
            // A receive buffer of BATCH datagrams plus MAX_DATAGRAM_PAYLOAD_SIZE makes Netty use recvmmsg.
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * BATCH));
        } else {
            b.option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
        }
        try {
            Channel ch = b.bind(local).syncUninterruptibly().channel();
            InetSocketAddress bound = (InetSocketAddress) ch.localAddress();
            UdpPort port = new UdpPort(own, ch, bound.getAddress().isLoopbackAddress());
            holder.port = port;
            LOG.info("UDP media port {} bound ({})", bound, epoll ? "epoll, recvmmsg/sendmmsg" : "NIO");
            return port;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot bind UDP " + local + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The thread that receives; timers that touch receive-path state run here too. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /**
     * Sends a copy of {@code buf[off, off + len)} to {@code to}. Datagrams written in one pass of
     * the event loop leave together in one flush (sendmmsg on epoll); those from another thread are
     * handed to the event loop, which writes and flushes what has gathered in one task. Any thread.
     */
    public void send(InetSocketAddress to, byte[] buf, int off, int len) {
        if (loopbackOnly && !to.getAddress().isLoopbackAddress()) {
            refusedDestinations.increment();
            refusedLog.warn(to);
            return;
        }
        ByteBuf out = channel.alloc().directBuffer(len);
        out.writeBytes(buf, off, len);
        sent.increment();
        EventLoop loop = channel.eventLoop();
        if (!loop.inEventLoop()) {
            fromOtherThreads.offer(new DatagramPacket(out, to));
            // Set after the offer: a drain that has not yet cleared the flag will see this datagram.
            if (!drainPending.getAndSet(true)) {
                try {
                    loop.execute(drainTask);
                } catch (RejectedExecutionException closed) {
                    // The port's own thread has shut down: nothing will send these any more, and the
                    // next send must find the flag clear to release its datagram too.
                    DatagramPacket p;
                    while ((p = fromOtherThreads.poll()) != null) {
                        p.release();
                    }
                    drainPending.set(false);
                }
            }
            return;
        }
        channel.write(new DatagramPacket(out, to), channel.voidPromise());
        if (!flushPending.getAndSet(true)) {
            loop.execute(flushTask);
        }
    }

    public long datagramsReceived() {
        return received.sum();
    }

    public long datagramsSent() {
        return sent.sum();
    }

    /** Datagrams not sent because a loopback port must not talk to other addresses. */
    public long refusedDestinations() {
        return refusedDestinations.sum();
    }

    /** Datagrams from beyond loopback that reached a loopback port, dropped unanswered. */
    public long refusedSenders() {
        return refusedSenders.sum();
    }

    /** Datagrams whose processing threw; always a bug above, never a crash of the port. */
    public long receiverErrors() {
        return receiverErrors.sum();
    }

    /** Closes the socket, after what is already written; from the port's own thread it does not wait. */
    @Override
    public void close() {
        if (channel.eventLoop().inEventLoop()) {
            channel.flush();
            channel.close();
            return;
        }
        channel.eventLoop().execute(channel::flush);
        channel.close().syncUninterruptibly();
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static final class Holder {
        volatile UdpPort port;
    }

    /** Copies each datagram into one scratch array owned by the event loop and hands a view on. */
    private static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Holder holder;
        private final Receiver receiver;
        private final byte[] scratch = new byte[MAX_DATAGRAM];

        Inbound(Holder holder, Receiver receiver) {
            this.holder = holder;
            this.receiver = receiver;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            UdpPort port = holder.port;
            ByteBuf content = packet.content();
            int len = Math.min(content.readableBytes(), scratch.length);
            content.getBytes(content.readerIndex(), scratch, 0, len);
            InetSocketAddress sender = packet.sender();
            if (port == null) {
                return;
            }
            port.received.increment();
            if (port.loopbackOnly && !sender.getAddress().isLoopbackAddress()) {
                // A browser also checks from its other addresses; a loopback port answers loopback only.
                port.refusedSenders.increment();
                return;
            }
            try {
                receiver.onDatagram(scratch, 0, len, sender);
            } catch (RuntimeException | Error e) {
                port.receiverErrors.increment();
                port.receiverErrorLog.warn(e);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            UdpPort port = holder.port;
            if (port != null && ctx.channel().isOpen()) {
                port.receiverErrors.increment();
                port.receiverErrorLog.warn(cause);
            }
        }
    }
}
