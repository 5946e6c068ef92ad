package org.trek.bench;

/** A workload: a name for the table and a session per connection. */
interface Scenario {
    String name();

    Session open(int connection);
}
