package org.partnerprogram.renewal.store;

/**
 * The Idempotency-Key this request claimed is no longer its own: the request outlived its lock
 * and a retry with the same key took it over. That retry answers; this request writes nothing.
 */
public class KeyTakenOverException extends RuntimeException {
    public KeyTakenOverException(String message) {
        super(message, null, false, false);
    }
}
