package org.partnerprogram.renewal.mail;

/**
 * SES did not take the email. Transient (throttling, 5xx, no connection): the event is
 * redelivered and tried again. Otherwise SES refused it for good (e.g. a rejected address) and a
 * retry would be refused too (D20).
 */
public final class SendFailure extends RuntimeException {

    private final boolean transientFailure;

    public SendFailure(String reason, boolean transientFailure, Throwable cause) {
        super(reason, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
