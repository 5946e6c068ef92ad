package org.trek.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The time source; a bean so that tests and services agree on "now". */
@ApplicationScoped
public class Clock {
    public Instant now() {
        return Instant.now();
    }

    public long millis() {
        return System.currentTimeMillis();
    }
}
