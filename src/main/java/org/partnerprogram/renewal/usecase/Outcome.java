package org.partnerprogram.renewal.usecase;

/**
 * A renew request's HTTP outcome as it is stored for replay (D16): the status and the exact body.
 * {@code code} is the problem code of a refusal (null for a renewal); {@code replayed} is true
 * when the outcome comes from an earlier request with the same key.
 */
public record Outcome(int status, String body, String code, boolean replayed) {

    /** Turns domain results into the stored response; implemented by the HTTP edge. */
    public interface Renderer {
        Outcome renewed(org.partnerprogram.renewal.domain.Renewal renewal);

        Outcome problem(Problem problem);
    }
}
