package org.partnerprogram.renewal.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.partnerprogram.renewal.domain.DueWork;
import org.partnerprogram.renewal.usecase.Problem;
import org.partnerprogram.renewal.usecase.ListDueWork;

/**
 * D23's opaque {@code cursor}: the position of the last item of a page, base64url-encoded. A
 * cursor the service did not give is a 400 naming the field, never a 500.
 */
final class Cursors {

    private static final String VERSION = "d1";

    private Cursors() {
    }

    static String write(ListDueWork.Position p) {
        String text = String.join("|", VERSION, p.dueAt().toString(), p.partnerId(), p.offerId(), p.work().name());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static ListDueWork.Position read(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals(VERSION)) {
                throw invalid();
            }
            return new ListDueWork.Position(Requests.date(parts[1], "cursor"), Requests.id(parts[2], "cursor"),
                    Requests.id(parts[3], "cursor"), DueWork.Kind.valueOf(parts[4]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static Problem invalid() {
        return Problem.invalid("cursor", "is not a cursor this service gave; start again without one");
    }
}
