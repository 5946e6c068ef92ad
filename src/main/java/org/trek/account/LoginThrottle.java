package org.trek.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.trek.platform.AppConfig;
import org.trek.platform.RateLimiter;

/**
 * Sign-in throttling, counted in the shared database so every node agrees:
 * <ul>
 *   <li>LOGIN_MAX_FAILURES (5) attempts per account and IP address in LOGIN_WINDOW_MINUTES (15). The attempt is
 *   counted <em>before</em> the password is checked, so guesses sent in parallel cannot all slip through while the
 *   (deliberately slow) hash runs; a successful sign-in clears the count.</li>
 *   <li>LOGIN_MAX_FAILURES_PER_ACCOUNT (50) failures per account from all addresses (rotating addresses does not
 *   buy fresh guesses), and LOGIN_MAX_FAILURES_PER_IP (100) per address over all accounts (password spraying).</li>
 * </ul>
 * An account is counted by its user id when the login names one, so its username and e-mail share the counts.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    RateLimiter limiter;

    @Inject
    AppConfig config;

    /**
     * Counts this attempt and answers the seconds to wait before another is allowed, or 0 when this one may go on.
     *
     * @param account the user id the login names, or null when it names nobody
     */
    public long attempt(String login, Long account, String ip) {
        long wait = Math.max(capWait(accountBucket(login, account), config.getInt("LOGIN_MAX_FAILURES_PER_ACCOUNT", 50)),
                capWait(ipBucket(ip), config.getInt("LOGIN_MAX_FAILURES_PER_IP", 100)));
        if (wait > 0) {
            return wait;
        }
        RateLimiter.Decision d = limiter.hit(pairBucket(login, account, ip), maxFailures(), window());
        return d.allowed() ? 0 : d.retryAfterSeconds();
    }

    /** Seconds until a failure cap lets sign-ins through again, or 0 when it is not reached. */
    private long capWait(String bucket, int max) {
        RateLimiter.Decision d = limiter.peek(bucket, max, window());
        return d.count() >= max ? d.retryAfterSeconds() : 0;
    }

    public void failed(String login, Long account, String ip) {
        limiter.hit(accountBucket(login, account), Integer.MAX_VALUE, window());
        limiter.hit(ipBucket(ip), Integer.MAX_VALUE, window());
    }

    public void succeeded(String login, Long account, String ip) {
        limiter.reset(pairBucket(login, account, ip));
    }

    private int maxFailures() {
        return config.getInt("LOGIN_MAX_FAILURES", 5);
    }

    private Duration window() {
        return Duration.ofMinutes(config.getInt("LOGIN_WINDOW_MINUTES", 15));
    }

    private static String accountKey(String login, Long account) {
        return account != null ? "user:" + account : (login == null ? "" : login.trim().toLowerCase(Locale.ROOT));
    }

    private static String accountBucket(String login, Long account) {
        return "login-account:" + accountKey(login, account);
    }

    private static String ipBucket(String ip) {
        return "login-ip:" + ip;
    }

    private static String pairBucket(String login, Long account, String ip) {
        return "login:" + accountKey(login, account) + "|" + ip;
    }
}
