package org.partnerprogram.renewal.mail;

import java.util.List;

/** One email as SES sends it: sender, recipients, subject, and the body as text and HTML. */
public record Email(String from, List<String> to, String subject, String text, String html) {

    public Email {
        to = List.copyOf(to);
    }
}
