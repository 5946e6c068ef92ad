package org.trek.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * The closed-loop load generator: N keep-alive HTTP/1.1 connections driven by one selector thread. Each
 * connection sends a request, reads the whole answer, records its latency, and sends the next one at once.
 *
 * <p>Phases: setup (every session's setup calls; not measured) → warm-up → measured window → drain (no new
 * requests; the ones in flight finish) → teardown. Every phase is bounded in time, the warm-up and the window also
 * in request count, and every single request by a timeout.
 */
final class LoadEngine {

    /** Durations and caps of one run. */
    record Limits(long warmupNanos, long windowNanos, long maxRequestsPerPhase, long requestTimeoutNanos,
                  long setupTimeoutNanos) {
    }

    private enum Phase { SETUP, WARMUP, WINDOW, DRAIN, TEARDOWN, DONE }

    private static final long DRAIN_NANOS = 30_000_000_000L;
    private static final long TEARDOWN_NANOS = 60_000_000_000L;
    /** I/O failures (connect, reset, timeout) in a row, with no complete answer between them, that end a workload. */
    private static final int MAX_FAILURES_IN_A_ROW = 50;

    private final InetSocketAddress address;
    private final Proc server;
    private final Proc self;

    LoadEngine(InetSocketAddress address, Proc server, Proc self) {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the benchmark only talks to loopback addresses, not " + address);
        }
        this.address = address;
        this.server = server;
        this.self = self;
    }

    private final class Conn {
        final int index;
        final Session session;
        final ResponseParser parser = new ResponseParser();
        final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        Call call;
        long sentAt;
        /** When the connection had to be replaced after the server closed it: the next request's clock starts here. */
        long waitingSince;
        long cycleStart;
        boolean cycleFailed;
        boolean connected;
        boolean inFlight;
        boolean ready;
        boolean finished;

        Conn(int index, Session session) {
            this.index = index;
            this.session = session;
        }
    }

    private Selector selector;
    private Result result;
    private Phase phase;
    private long phaseEnd;
    private long phaseCount;
    private Limits limits;
    private long windowStart;
    private double cpuAtStart;
    private double clientCpuAtStart;
    private double machineCpuAtStart;
    private int failuresInARow;

    Result run(Scenario scenario, int connections, Limits limits) throws IOException {
        this.limits = limits;
        this.result = new Result(scenario.name(), connections);
        result.rssBeforeMb = server.rssMb();
        Conn[] conns = new Conn[connections];
        selector = Selector.open();
        try {
            phase = Phase.SETUP;
            phaseEnd = System.nanoTime() + limits.setupTimeoutNanos();
            for (int i = 0; i < connections; i++) {
                conns[i] = new Conn(i, scenario.open(i));
                connect(conns[i]);
            }
            while (phase != Phase.DONE) {
                long now = System.nanoTime();
                advance(conns, now);
                if (phase == Phase.DONE) {
                    break;
                }
                expireRequests(conns, now);
                long waitMs = Math.max(1, Math.min(50, (phaseEnd - now) / 1_000_000));
                selector.select(waitMs);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    Conn c = (Conn) k.attachment();
                    if (k.isValid()) {
                        handle(c, k);
                    }
                }
            }
        } finally {
            for (Conn c : conns) {
                if (c != null) {
                    close(c);
                }
            }
            selector.close();
        }
        return result;
    }

    /** Moves to the next phase when the current one is over. */
    private void advance(Conn[] conns, long now) {
        switch (phase) {
            case SETUP -> {
                boolean allReady = true;
                for (Conn c : conns) {
                    allReady &= c.ready;
                }
                if (allReady) {
                    enter(Phase.WARMUP, now + limits.warmupNanos());
                    for (Conn c : conns) {
                        issue(c);
                    }
                } else if (now >= phaseEnd) {
                    result.abortReason = "setup did not finish within " + limits.setupTimeoutNanos() / 1_000_000_000 + " s";
                    enter(Phase.DRAIN, now + DRAIN_NANOS);
                }
            }
            case WARMUP -> {
                if (now >= phaseEnd || phaseCount >= limits.maxRequestsPerPhase()) {
                    cpuAtStart = server.cpuMs();
                    clientCpuAtStart = self.cpuMs();
                    machineCpuAtStart = self.machineBusyMs();
                    windowStart = System.nanoTime();
                    enter(Phase.WINDOW, windowStart + limits.windowNanos());
                }
            }
            case WINDOW -> {
                if (now >= phaseEnd || phaseCount >= limits.maxRequestsPerPhase()) {
                    long end = System.nanoTime();
                    result.serverCpuMs = server.cpuMs() - cpuAtStart;
                    result.clientCpuMs = self.cpuMs() - clientCpuAtStart;
                    result.machineCpuMs = self.machineBusyMs() - machineCpuAtStart;
                    result.rssAfterMb = server.rssMb();
                    result.windowSeconds = (end - windowStart) / 1e9;
                    enter(Phase.DRAIN, end + DRAIN_NANOS);
                }
            }
            case DRAIN -> {
                if (!anyInFlight(conns) || now >= phaseEnd) {
                    enter(Phase.TEARDOWN, now + TEARDOWN_NANOS);
                    for (Conn c : conns) {
                        if (!c.inFlight) {
                            issue(c);
                        }
                    }
                }
            }
            case TEARDOWN -> {
                boolean allFinished = true;
                for (Conn c : conns) {
                    allFinished &= c.finished || !c.connected && c.channel == null;
                }
                if (allFinished || now >= phaseEnd) {
                    enter(Phase.DONE, now);
                }
            }
            default -> {
            }
        }
    }

    private void enter(Phase next, long end) {
        phase = next;
        phaseEnd = end;
        phaseCount = 0;
    }

    private static boolean anyInFlight(Conn[] conns) {
        for (Conn c : conns) {
            if (c.inFlight) {
                return true;
            }
        }
        return false;
    }

    private void expireRequests(Conn[] conns, long now) {
        for (Conn c : conns) {
            if (c.inFlight && now - c.sentAt > limits.requestTimeoutNanos()) {
                result.error(phase == Phase.WINDOW, c.call.step + ": no complete answer within "
                        + limits.requestTimeoutNanos() / 1_000_000_000 + " s", "");
                c.cycleFailed = true;
                failed(c, c.call.step + " timed out");
            }
        }
    }

    private void connect(Conn c) {
        try {
            c.channel = SocketChannel.open();
            c.channel.configureBlocking(false);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            c.connected = false;
            c.in.clear();
            c.parser.reset();
            if (c.channel.connect(address)) {
                c.connected = true;
                c.key = c.channel.register(selector, 0, c);
                issue(c);
            } else {
                c.key = c.channel.register(selector, SelectionKey.OP_CONNECT, c);
            }
        } catch (IOException e) {
            connectFailed(c, e);
        }
    }

    private void connectFailed(Conn c, IOException e) {
        close(c);
        result.error(phase == Phase.WINDOW, "connect: " + e, "");
        failed(c, "cannot connect to " + address + ": " + e);
    }

    /** After an I/O failure: a new connection, unless failures keep coming without a single answer. */
    private void failed(Conn c, String why) {
        close(c);
        c.inFlight = false;
        if (++failuresInARow > MAX_FAILURES_IN_A_ROW) {
            result.abortReason = MAX_FAILURES_IN_A_ROW + " I/O failures in a row, the last: " + why;
            enter(Phase.DONE, System.nanoTime());
            return;
        }
        reconnect(c);
    }

    private void reconnect(Conn c) {
        close(c);
        c.inFlight = false;
        result.reconnects++;
        if (phase != Phase.DONE) {
            connect(c);
        }
    }

    private static void close(Conn c) {
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        c.channel = null;
        c.key = null;
        c.connected = false;
    }

    private void handle(Conn c, SelectionKey k) {
        try {
            if (k.isConnectable()) {
                c.channel.finishConnect();
                c.connected = true;
                k.interestOps(0);
                issue(c);
                return;
            }
            if (k.isWritable()) {
                c.channel.write(c.out);
                if (!c.out.hasRemaining()) {
                    k.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            if (k.isReadable()) {
                read(c);
            }
        } catch (IOException e) {
            if (!c.connected) {
                connectFailed(c, e);
                return;
            }
            if (c.inFlight) {
                result.error(phase == Phase.WINDOW, c.call.step + ": " + e, "");
                c.cycleFailed = true;
                failed(c, e.toString());
            } else {
                reconnect(c);
            }
        }
    }

    private void read(Conn c) throws IOException {
        c.in.clear();
        int n = c.channel.read(c.in);
        if (n < 0) {
            boolean complete = c.inFlight && c.parser.endOfStream();
            if (complete) {
                complete(c, false);
            } else if (c.inFlight) {
                result.error(phase == Phase.WINDOW, c.call.step + ": connection closed before the answer was complete", "");
                c.cycleFailed = true;
                failed(c, "connection closed before the answer was complete");
                return;
            }
            if (!complete) {
                result.closedByServer++; // an idle kept-alive connection
                c.waitingSince = System.nanoTime();
            }
            reconnect(c);
            return;
        }
        c.in.flip();
        if (!c.inFlight) {
            return; // nothing was asked: ignore stray bytes
        }
        if (c.parser.feed(c.in)) {
            complete(c, true);
        }
    }

    /** A whole answer arrived: judge and record it, then send the next request (or reconnect first). */
    private void complete(Conn c, boolean keepAlive) {
        long now = System.nanoTime();
        long latency = now - c.sentAt;
        Call call = c.call;
        c.inFlight = false;
        failuresInARow = 0;
        Response r = c.parser.response();
        boolean inWindow = phase == Phase.WINDOW;
        String problem;
        try {
            problem = c.session.check(call, r);
        } catch (RuntimeException e) {
            problem = "unreadable answer: " + e.getMessage();
        }
        if (problem != null) {
            c.cycleFailed = true;
            result.error(inWindow, call.step + ": HTTP " + r.status + ", " + problem, r.snippet(160));
        }
        if (phase == Phase.WARMUP || inWindow) {
            phaseCount++;
        }
        if (inWindow) {
            result.requests++;
            result.bodyBytes += r.bodyLength;
            result.stepLatency.get(call.step).record(latency);
            if (call.endsCycle && !c.cycleFailed) {
                result.cycles++;
                result.cycleLatency.record(now - c.cycleStart);
            }
        }
        boolean close = c.parser.closeAfter() || !keepAlive;
        c.parser.reset();
        if (close) {
            result.closedByServer++;
            c.waitingSince = now; // a closed loop pays for the new connection: it counts in the next request's time
            if (keepAlive) {
                reconnect(c); // Connection: close; reconnect() issues the next request once connected
            }
            return;
        }
        issue(c);
    }

    /** Sends the connection's next request for the current phase, if there is one. */
    private void issue(Conn c) {
        if (!c.connected || c.inFlight || c.channel == null) {
            return;
        }
        Call next;
        switch (phase) {
            case SETUP -> {
                next = c.ready ? null : c.session.setup();
                if (next == null) {
                    c.ready = true;
                    c.key.interestOps(SelectionKey.OP_READ); // notice a server closing the idle connection
                    return;
                }
            }
            case WARMUP, WINDOW -> next = c.session.next();
            case TEARDOWN -> {
                next = c.finished ? null : c.session.teardown();
                if (next == null) {
                    c.finished = true;
                    return;
                }
            }
            default -> {
                return;
            }
        }
        c.call = next;
        c.out = ByteBuffer.wrap(next.bytes);
        c.in.clear();
        c.parser.reset();
        c.inFlight = true;
        boolean loop = phase == Phase.WARMUP || phase == Phase.WINDOW;
        c.sentAt = loop && c.waitingSince != 0 ? c.waitingSince : System.nanoTime();
        c.waitingSince = 0;
        result.stepLatency.computeIfAbsent(next.step, s -> new Recorder()); // steps listed in the order they are first sent
        if (next.startsCycle) {
            c.cycleStart = c.sentAt;
            c.cycleFailed = false;
        }
        try {
            c.channel.write(c.out);
            c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            result.error(phase == Phase.WINDOW, next.step + ": " + e, "");
            c.cycleFailed = true;
            failed(c, e.toString());
        }
    }
}
