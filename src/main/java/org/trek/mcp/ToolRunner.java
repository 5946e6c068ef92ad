package org.trek.mcp;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Runs a tool call off the request thread (the request thread waits for its first message and may answer with an
 * SSE stream, or go away on cancellation). An EJB asynchronous call gets an invocation context of its own; a task on
 * the managed executor shared the request's, and whichever thread finished second found it torn down ("closed
 * EntityManager", an error page rendered after the response was committed).
 */
@Stateless
public class ToolRunner {

    /** No surrounding transaction: each tool owns its transactions, as compound tools need. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(Runnable work) {
        work.run();
    }
}
