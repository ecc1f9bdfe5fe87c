package org.partnerprogram.renewal;

import io.quarkus.arc.Arc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partnerprogram.renewal.local.LocalRun;

/**
 * For a {@code @QuarkusTest} that counts the table client's calls or injects faults into it: the
 * local stream's notify deliveries use the same client, so while each test runs they are held
 * (records wait in the stream) and any delivery under way is finished before the test starts. A
 * test opts in by implementing this; JUnit runs an interface's {@code @BeforeEach} before the
 * class's own, so the pause comes before the test's set-up.
 */
public interface NotificationsPaused {

    @BeforeEach
    default void pauseNotifications() {
        Arc.container().instance(LocalRun.class).get().pauseNotifications();
    }

    @AfterEach
    default void resumeNotifications() {
        Arc.container().instance(LocalRun.class).get().resumeNotifications();
    }
}
