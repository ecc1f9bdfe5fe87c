package org.partnerprogram.renewal.domain;

import java.time.LocalDate;

/** An extension's waiver of the requirements until the next AD (D9, D13). */
public record Exemption(String program, LocalDate until) {
}
