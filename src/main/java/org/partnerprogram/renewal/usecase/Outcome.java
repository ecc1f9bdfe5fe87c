package org.partnerprogram.renewal.usecase;

/**
 * A renew request's HTTP outcome as it is stored for replay (D16): the status and the exact body.
 * {@code replayed} is true when it comes from an earlier request with the same key.
 */
public record Outcome(int status, String body, boolean replayed) {

    /** Turns domain results into the stored response; implemented by the HTTP edge. */
    public interface Renderer {
        Outcome renewed(org.partnerprogram.renewal.domain.Renewal renewal);

        Outcome problem(org.partnerprogram.renewal.domain.Problem problem);
    }
}
