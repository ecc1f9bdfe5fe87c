package org.partnerprogram.renewal.store;

/**
 * A record that is written at most once per (offer, AD) already exists: a reminder, a lapse or a
 * renewal of that AD. An answer, not a race: nothing was written, and reading again would find
 * the same record, so the caller takes what the record says instead of retrying.
 */
public class AlreadyRecordedException extends RuntimeException {
    public AlreadyRecordedException(String message) {
        super(message, null, false, false);
    }
}
