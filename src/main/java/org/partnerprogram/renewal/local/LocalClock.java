package org.partnerprogram.renewal.local;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local run only: the service clock, pinnable to an instant (GET/PUT /_local/clock, or
 * local.clock at start-up) so the demo's 2021 dates can be explored. Unpinned it is the
 * system clock. Never part of the Lambda build (build profile dev/test).
 */
@Alternative
@Priority(1)
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalClock extends Clock {

    private volatile Instant pinned;

    public LocalClock(@ConfigProperty(name = "local.clock") Optional<Instant> startAt) {
        this.pinned = startAt.orElse(null);
    }

    /** Pins the clock; null returns to the system clock. */
    public void pin(Instant instant) {
        this.pinned = instant;
    }

    public Instant pinned() {
        return pinned;
    }

    @Override
    public Instant instant() {
        Instant now = pinned;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads instants; zones come from the policy");
    }
}
