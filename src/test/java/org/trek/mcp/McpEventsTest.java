package org.trek.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change-feed poll: each row once, late commits below newer rows still delivered, the watermark and purge. */
class McpEventsTest {
    static final class FakeFeed extends McpChangeFeed {
        final List<McpChange> rows = new ArrayList<>();
        long purgedBefore = -1;

        @Override
        public List<McpChange> after(long id, int limit) {
            return rows.stream().filter(r -> r.getId() > id).sorted((x, y) -> Long.compare(x.getId(), y.getId()))
                    .limit(limit).toList();
        }

        @Override
        public int purge(long olderThanMillis) {
            purgedBefore = olderThanMillis;
            return 0;
        }

        void add(long id, String kind, String target) {
            add(id, kind, target, null);
        }

        void add(long id, String kind, String target, Long userId) {
            McpChange c = new McpChange("other-node", kind, target, userId, 0);
            try {
                Field f = McpChange.class.getDeclaredField("id");
                f.setAccessible(true);
                f.set(c, id);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            rows.add(c);
        }
    }

    static final class RecordingSubscriptions extends ResourceSubscriptions {
        final List<List<Change>> batches = new ArrayList<>();

        @Override
        public void deliver(Collection<Change> changes) {
            if (!changes.isEmpty()) {
                batches.add(List.copyOf(changes));
            }
        }
    }

    @Test
    void everyRowIsHandledOnceEvenWhenItCommitsAfterANewerOne() {
        FakeFeed feed = new FakeFeed();
        RecordingSubscriptions subscriptions = new RecordingSubscriptions();
        McpEvents events = new McpEvents();
        events.feed = feed;
        events.subscriptions = subscriptions;
        events.channels = new LiveChannels();
        events.registry = new McpRegistry();
        events.sessions = new McpSessionStore() {
            @Override
            public int purgeIdle() {
                return 0;
            }
        };
        events.handover = McpHandoverTest.handover(events.channels, new McpHandoverTest.FakeStore());
        long[] now = {1_000_000};
        events.time = () -> now[0];
        events.watermark = 10;

        feed.add(9, McpChangeFeed.TREE, "trek://trips/old");   // before this node started polling: not news
        feed.add(11, McpChangeFeed.TREE, "trek://trips/1");
        feed.add(13, McpChangeFeed.RESOURCE, "trek://trips", 5L); // id 12 is still uncommitted
        events.poll();
        assertEquals(List.of(List.of(new ResourceSubscriptions.Change("trek://trips/1", true),
                new ResourceSubscriptions.Change("trek://trips", false, 5L))), subscriptions.batches);

        now[0] += McpEvents.POLL_MS;
        feed.add(12, McpChangeFeed.TREE, "trek://trips/2");     // commits late
        events.poll();
        assertEquals(List.of(new ResourceSubscriptions.Change("trek://trips/2", true)), subscriptions.batches.get(1));
        assertEquals(10, events.watermark, "rows seen a moment ago are not settled yet");

        now[0] += McpEvents.SETTLE_MS;
        events.poll();
        assertEquals(2, subscriptions.batches.size(), "a row was delivered twice");
        assertEquals(13, events.watermark, "settled rows are not read again");
        assertTrue(feed.purgedBefore > 0, "old rows are purged");
    }

    @Test
    void aChangeForOneUserConcernsNoOtherSubscriber() {
        var forUser5 = List.of(new ResourceSubscriptions.Change("trek://trips", false, 5L));
        assertTrue(ResourceSubscriptions.affected(forUser5, "trek://trips", 5));
        assertTrue(!ResourceSubscriptions.affected(forUser5, "trek://trips", 6), "another user's trip list is not theirs");
        var forEveryone = List.of(new ResourceSubscriptions.Change("trek://trips/7", true));
        assertTrue(ResourceSubscriptions.affected(forEveryone, "trek://trips/7/places?assignment=all", 6));
        assertTrue(!ResourceSubscriptions.affected(forEveryone, "trek://trips/70", 6));
    }
}
