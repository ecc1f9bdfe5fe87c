package org.partnerprogram.renewal.domain;

/** One reason a renewal cannot happen, with a message a partner admin can act on. */
public record Blocker(BlockerCode code, String message) {
}
