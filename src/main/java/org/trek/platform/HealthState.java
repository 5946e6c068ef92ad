package org.trek.platform;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether start-up (migrations, seeding) has completed. */
@ApplicationScoped
public class HealthState {
    private volatile boolean ready;
    private volatile String failure;

    void markReady() {
        ready = true;
    }

    void markFailed(String reason) {
        failure = reason;
    }

    public boolean isReady() {
        return ready;
    }

    public String failure() {
        return failure;
    }
}
