package org.partnerprogram.renewal.store;

/**
 * A conditional write lost a race: the item changed since it was read. Callers read again and
 * decide again; nothing was written.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message, null, false, false);
    }
}
