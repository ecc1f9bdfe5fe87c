package org.partnerprogram.renewal.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.usecase.Problem;
import org.partnerprogram.renewal.lambda.Json;
import org.partnerprogram.renewal.lambda.Requests;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.PartnerView;
import org.partnerprogram.renewal.store.StoredOffer;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.EnrolOffer;

/**
 * Moves memberships in: each row is validated by the rules of the operator PUT routes, compared
 * with what is stored, and written through the same use case (EnrolOffer) only if it changes
 * something, so a second run changes nothing. A bad row is reported with its line and skipped;
 * the import goes on.
 */
final class BulkImport {

    enum Change { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** Counts per change, for offers and partners, and whether anything was rejected. */
    record Summary(Map<Change, Integer> offers, Map<Change, Integer> partners) {
        boolean rejectedAny() {
            return offers.getOrDefault(Change.REJECTED, 0) > 0;
        }
    }

    private static final Set<String> COLUMNS = Set.copyOf(Rows.COLUMNS);
    /** API field names as the import's columns are called. */
    private static final Map<String, String> COLUMN_OF = Map.of("renewalFee.amount", "feeAmount",
            "renewalFee.currency", "feeCurrency", "renewalFee", "feeAmount");

    private final OfferStore store;
    private final EnrolOffer enrol;
    private final Caller operator;
    private final boolean dryRun;
    private final PrintStream out;
    private final PrintStream progress;

    /** Rows are checked in file order; the writes they need are independent and go in parallel. */
    private final ParallelWrites writer = new ParallelWrites(8);
    private final Map<String, PartnerView> stored = new HashMap<>();
    private final Map<String, Integer> offerLines = new HashMap<>();
    private final Map<String, Map.Entry<Partner, Integer>> partners = new HashMap<>();
    private final Map<Change, Integer> offerChanges = new LinkedHashMap<>();
    private final Map<Change, Integer> partnerChanges = new LinkedHashMap<>();

    BulkImport(OfferStore store, EnrolOffer enrol, String operatorRole, boolean dryRun, PrintStream out, PrintStream progress) {
        this.store = store;
        this.enrol = enrol;
        this.operator = new Caller("bulk-import", null, Set.of(operatorRole));
        this.dryRun = dryRun;
        this.out = out;
        this.progress = progress;
        for (Change change : Change.values()) {
            offerChanges.put(change, 0);
            partnerChanges.put(change, 0);
        }
    }

    Summary run(Iterator<Rows.Row> rows) {
        try {
            readAll(rows);
            writer.finish();
        } finally {
            writer.close();
        }
        partnerChanges.remove(Change.REJECTED);
        return new Summary(Map.copyOf(offerChanges), Map.copyOf(partnerChanges));
    }

    private void readAll(Iterator<Rows.Row> rows) {
        int count = 0;
        while (rows.hasNext()) {
            Rows.Row row = rows.next();
            if (row.error() != null) {
                reject(row.line(), "row: " + row.error());
            } else {
                importRow(row.line(), row.fields());
            }
            if (++count % 1000 == 0) {
                progress.printf("%,d rows read (line %,d)%n", count, row.line());
            }
        }
    }

    private void importRow(int line, ObjectNode row) {
        Partner partner;
        Offer offer;
        try {
            for (var names = row.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!COLUMNS.contains(name)) {
                    throw Problem.invalid(name, "is not a column of the import " + Rows.COLUMNS);
                }
            }
            String partnerId = Requests.id(text(row, "partnerId"), "partnerId");
            String offerId = Requests.id(text(row, "offerId"), "offerId");
            partner = partner(row, partnerId);
            offer = Requests.offer(offerBody(row), partnerId, offerId);
        } catch (Problem problem) {
            reject(line, inColumns(problem).detail());
            return;
        }
        String key = offer.partnerId() + "/" + offer.offerId();
        Integer first = offerLines.putIfAbsent(key, line);
        if (first != null) {
            reject(line, "offer " + key + " is a duplicate of line " + first);
            return;
        }
        Map.Entry<Partner, Integer> known = partners.get(partner.partnerId());
        if (known != null && !known.getKey().equals(partner)) {
            offerLines.remove(key);
            reject(line, "partner " + partner.partnerId() + ": its fields differ from line " + known.getValue());
            return;
        }
        if (known == null) {
            partners.put(partner.partnerId(), Map.entry(partner, line));
            upsertPartner(partner);
        }
        upsertOffer(offer);
    }

    private void upsertPartner(Partner partner) {
        Optional<Partner> current = view(partner.partnerId()).profile();
        Change change = current.isEmpty() ? Change.CREATED : current.get().equals(partner) ? Change.UNCHANGED : Change.UPDATED;
        partnerChanges.merge(change, 1, Integer::sum);
        if (!dryRun && change != Change.UNCHANGED) {
            writer.submit(() -> enrol.enrolPartner(operator, partner));
        }
    }

    private void upsertOffer(Offer offer) {
        Optional<StoredOffer> current = view(offer.partnerId()).offer(offer.offerId());
        Change change = current.isEmpty() ? Change.CREATED : sameFields(current.get().offer(), offer) ? Change.UNCHANGED : Change.UPDATED;
        offerChanges.merge(change, 1, Integer::sum);
        if (!dryRun && change != Change.UNCHANGED) {
            writer.submit(() -> enrol.enrolOffer(operator, offer));
        }
    }

    /** What is stored for the partner, read once (one Query) per partner of the file. */
    private PartnerView view(String partnerId) {
        return stored.computeIfAbsent(partnerId, store::partner);
    }

    /** The fields an operator sets (D17); what the service recorded (reminders, lapse) is not compared. */
    private static boolean sameFields(Offer stored, Offer row) {
        return stored.type() == row.type() && stored.name().equals(row.name()) && stored.area().equals(row.area())
                && stored.anniversaryDate().equals(row.anniversaryDate()) && stored.requirementsMet() == row.requirementsMet()
                && stored.renewalFee().matches(row.renewalFee());
    }

    private void reject(int line, String reason) {
        offerChanges.merge(Change.REJECTED, 1, Integer::sum);
        out.printf("line %d: %s%n", line, reason);
    }

    /** The partner's columns, by the PUT /partners rules; its "name" is the column partnerName. */
    private static Partner partner(ObjectNode row, String partnerId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        copy(row, "partnerName", body, "name");
        copy(row, "migratedToPartnerCenter", body, "migratedToPartnerCenter");
        try {
            return Requests.partner(body, partnerId);
        } catch (Problem problem) {
            throw problem.field().filter("name"::equals).isPresent() ? problem.renamed("partnerName") : problem;
        }
    }

    private static ObjectNode offerBody(ObjectNode row) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        for (String field : new String[] {"type", "name", "area", "anniversaryDate", "requirementsMet"}) {
            copy(row, field, body, field);
        }
        ObjectNode fee = body.putObject("renewalFee");
        copy(row, "feeAmount", fee, "amount");
        copy(row, "feeCurrency", fee, "currency");
        return body;
    }

    private static void copy(ObjectNode from, String name, ObjectNode to, String as) {
        JsonNode value = from.get(name);
        if (value != null) {
            to.set(as, value);
        }
    }

    private static String text(ObjectNode row, String name) {
        JsonNode value = row.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** "renewalFee.amount: ..." reads "feeAmount: ...": the import's column, not the API's field. */
    private static Problem inColumns(Problem problem) {
        return problem.field().filter(COLUMN_OF::containsKey).map(field -> problem.renamed(COLUMN_OF.get(field))).orElse(problem);
    }
}
