package org.trek.platform.limits;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link RequestRateLimiter#sync()} and {@link BurstRateLimiter#sync()} every {@value RequestRateLimiter#SYNC_MS} ms
 * on the managed scheduler. Started
 * at deployment, not from a request, so the task carries no request's context; it touches only memory and the grid.
 */
@Singleton
@Startup
public class LimitsSync {
    private static final Logger LOG = Logger.getLogger(LimitsSync.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RequestRateLimiter limiter;

    @Inject
    BurstRateLimiter bursts;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                limiter.sync();
                bursts.sync();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "rate limit sync failed", e);
            }
        }, RequestRateLimiter.SYNC_MS, RequestRateLimiter.SYNC_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
