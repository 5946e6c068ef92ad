package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The summary's arithmetic: shares to the cent, and the greedy pairing of debtors and creditors. */
class SettlementServiceTest {

    @Test
    void sharesAddUpToTheCentAndTheSpareCentsGoRoundFromTheItemId() {
        assertArrayEquals(new long[] {3334, 3333, 3333}, SettlementService.splitEqually(10000, 3, 3)); // start 0
        assertArrayEquals(new long[] {3333, 3334, 3333}, SettlementService.splitEqually(10000, 3, 4)); // start 1
        assertArrayEquals(new long[] {3334, 3333, 3334}, SettlementService.splitEqually(10001, 3, 5)); // start 2, wraps
        assertArrayEquals(new long[] {5000, 5000}, SettlementService.splitEqually(10000, 2, 7));
        assertArrayEquals(new long[] {0, 0, 1}, SettlementService.splitEqually(1, 3, 2));
    }

    @Test
    void flowsPairTheLargestDebtorWithTheLargestCreditor() {
        Map<Long, long[]> cents = new TreeMap<>();
        cents.put(1L, new long[] {17000});
        cents.put(2L, new long[] {-6000});
        cents.put(3L, new long[] {-11000});
        cents.put(4L, new long[] {1}); // one cent: below the threshold
        List<SettlementService.Flow> flows = SettlementService.flows(cents, Map.of(1L, "ann", 2L, "bob", 3L, "cy"));
        assertEquals(2, flows.size());
        assertEquals(3L, flows.get(0).fromUserId());
        assertEquals(1L, flows.get(0).toUserId());
        assertEquals("110.00", flows.get(0).amount().toPlainString());
        assertEquals("cy", flows.get(0).fromUsername());
        assertEquals(2L, flows.get(1).fromUserId());
        assertEquals("60.00", flows.get(1).amount().toPlainString());
    }

    @Test
    void oneDebtorCanPaySeveralCreditors() {
        Map<Long, long[]> cents = new TreeMap<>();
        cents.put(1L, new long[] {2450});
        cents.put(2L, new long[] {-3450});
        cents.put(3L, new long[] {1000});
        List<SettlementService.Flow> flows = SettlementService.flows(cents, Map.of());
        assertEquals(List.of("2>1:24.50", "2>3:10.00"), flows.stream()
                .map(f -> f.fromUserId() + ">" + f.toUserId() + ":" + f.amount().toPlainString()).toList());
    }
}
