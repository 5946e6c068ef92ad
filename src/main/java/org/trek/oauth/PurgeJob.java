package org.trek.oauth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every 15 minutes, on every node (the deletes are idempotent): expired and used codes, token rows whose refresh
 * lifetime ended or that were revoked a day ago, grace-window seals past their window, and self-registered clients
 * unused for OAUTH_DCR_UNUSED_DAYS (30).
 */
@Singleton
public class PurgeJob {
    private static final Logger LOG = Logger.getLogger(PurgeJob.class.getName());

    @Inject
    OAuthPurge purge;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void run() {
        try {
            OAuthPurge.Result r = purge.run();
            if (r.total() > 0) {
                LOG.info(() -> "OAuth purge: " + r);
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "OAuth purge failed: " + e);
        }
    }
}
