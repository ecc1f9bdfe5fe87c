package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.partnerprogram.renewal.domain.Contact;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Payment;
import org.partnerprogram.renewal.usecase.ListDueWork;
import org.partnerprogram.renewal.usecase.Problem;

/**
 * Validates what a caller sends (section 3): ids, dates, headers and bodies. Every refusal is a
 * 400 invalid-request whose detail names the field; unknown fields are refused, so a body cannot
 * try to set what the service decides (AD, status, exemption).
 */
public final class Requests {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // Every date derived from an AD (a reminder 15 days before, the next AD, its window) must be a
    // four-digit year every client can read; no offer of the program is older than 1900 either.
    private static final LocalDate EARLIEST_ANNIVERSARY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_ANNIVERSARY = LocalDate.of(9998, 12, 31);
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,4}");
    private static final int MAX_TEXT = 256;
    private static final int MAX_CONTACTS = 10;
    private static final int MAX_EMAIL = 254;
    /** The part after '@': labels separated by dots, at least one dot, none empty. */
    private static final Pattern EMAIL_DOMAIN = Pattern.compile("[^.]+(\\.[^.]+)+");

    private Requests() {
    }

    /** A path id: 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    static String id(ApiRequest request, String name) {
        return id(request.pathParameters().get(name), name);
    }

    /** The same rule for an id from anywhere (the bulk import reads them from files). */
    public static String id(String value, String name) {
        if (!isId(value)) {
            throw Problem.invalid(name, "must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** {@code ?asOf=YYYY-MM-DD}, or null. */
    static LocalDate asOf(ApiRequest request) {
        String value = request.query().get("asOf");
        return value == null ? null : date(value, "asOf");
    }

    /** D23: GET /due?from&to[&limit][&cursor]. */
    record DueQuery(LocalDate from, LocalDate to, int limit, ListDueWork.Position after) {
    }

    static DueQuery dueQuery(ApiRequest request) {
        LocalDate from = date(required(request, "from"), "from");
        LocalDate to = date(required(request, "to"), "to");
        String limit = request.query().get("limit");
        if (limit != null && !LIMIT.matcher(limit).matches()) {
            throw Problem.invalid("limit", "must be a whole number from 1 to " + ListDueWork.MAX_LIMIT);
        }
        String cursor = request.query().get("cursor");
        return new DueQuery(from, to, limit == null ? ListDueWork.DEFAULT_LIMIT : Integer.parseInt(limit),
                cursor == null ? null : Cursors.read(cursor));
    }

    private static String required(ApiRequest request, String name) {
        String value = request.query().get(name);
        if (value == null || value.isEmpty()) {
            throw Problem.invalid(name, "is required (YYYY-MM-DD)");
        }
        return value;
    }

    static String idempotencyKey(ApiRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            throw Problem.of(Problem.Kind.IDEMPOTENCY_KEY_MISSING, "Send an Idempotency-Key header (for example a UUID) with every renewal.");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw Problem.invalid("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    /** Renew body: {"payment": {reference, amount, currency}}; empty or absent payment means none. */
    static Payment payment(ApiRequest request) {
        JsonNode body = optionalObject(request);
        if (body == null) {
            return null;
        }
        onlyFields(body, "", Set.of("payment"));
        JsonNode payment = body.get("payment");
        if (payment == null || payment.isNull()) {
            return null;
        }
        if (!payment.isObject()) {
            throw Problem.invalid("payment", "must be an object");
        }
        onlyFields(payment, "payment.", Set.of("reference", "amount", "currency"));
        return new Payment(text(payment, "payment.", "reference"), money(payment, "payment."));
    }

    /** PUT /partners/{partnerId} body: {name, migratedToPartnerCenter, contacts?, language?}. */
    static Partner partner(ApiRequest request, String partnerId) {
        return partner(requiredObject(request), partnerId);
    }

    /**
     * A partner body as a JSON object: the rules of the PUT route, for the bulk import too. D18:
     * optional {@code contacts} (absent: none, like every PUT it replaces) and {@code language}
     * (absent: en).
     */
    public static Partner partner(JsonNode body, String partnerId) {
        onlyFields(body, "", Set.of("name", "migratedToPartnerCenter", "contacts", "language"));
        return new Partner(partnerId, text(body, "", "name"), bool(body, "migratedToPartnerCenter"),
                contacts(body.get("contacts")), language(body.get("language")));
    }

    /** D18: 0 to 10 contacts {email, name?}, no address twice (ignoring case). */
    private static List<Contact> contacts(JsonNode contacts) {
        if (contacts == null || contacts.isNull()) {
            return List.of();
        }
        if (!contacts.isArray()) {
            throw Problem.invalid("contacts", "must be an array of {email, name}");
        }
        if (contacts.size() > MAX_CONTACTS) {
            throw Problem.invalid("contacts", "must list at most " + MAX_CONTACTS + " contacts, not " + contacts.size());
        }
        List<Contact> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            String prefix = "contacts[" + i + "].";
            JsonNode contact = contacts.get(i);
            if (!contact.isObject()) {
                throw Problem.invalid("contacts[" + i + "]", "must be an object {email, name}");
            }
            onlyFields(contact, prefix, Set.of("email", "name"));
            String email = email(contact, prefix + "email");
            Integer earlier = seen.putIfAbsent(email.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw Problem.invalid(prefix + "email", "the address " + email + " is already contacts[" + earlier + "] (ignoring case)");
            }
            JsonNode name = contact.get("name");
            result.add(new Contact(email, name == null || name.isNull() ? null : text(contact, prefix, "name")));
        }
        return result;
    }

    /** D18: one '@', a dot in the domain, no spaces, at most 254 characters. */
    private static String email(JsonNode contact, String field) {
        JsonNode value = contact.get("email");
        if (value == null || value.isNull()) {
            throw Problem.invalid(field, "is required");
        }
        String email = value.isTextual() ? value.asText() : "";
        int at = email.indexOf('@');
        if (email.isEmpty() || email.length() > MAX_EMAIL || at <= 0 || at != email.lastIndexOf('@')
                || !EMAIL_DOMAIN.matcher(email.substring(at + 1)).matches() || email.chars().anyMatch(Requests::isSpaceOrControl)) {
            throw Problem.invalid(field, "must be an email address such as ana@contoso.com (one '@', a dot in the domain, no spaces, at most "
                    + MAX_EMAIL + " characters)");
        }
        return email;
    }

    private static boolean isSpaceOrControl(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    /** D18: en (the default) or zh-CN. */
    private static Language language(JsonNode language) {
        if (language == null || language.isNull()) {
            return Language.EN;
        }
        return Language.ofTag(language.isTextual() ? language.asText() : null)
                .orElseThrow(() -> Problem.invalid("language", "must be \"en\" or \"zh-CN\""));
    }

    /** PUT /partners/{partnerId}/offers/{offerId} body. */
    static Offer offer(ApiRequest request, String partnerId, String offerId) {
        return offer(requiredObject(request), partnerId, offerId);
    }

    /** An offer body as a JSON object: the rules of the PUT route, for the bulk import too. */
    public static Offer offer(JsonNode body, String partnerId, String offerId) {
        onlyFields(body, "", Set.of("type", "name", "area", "anniversaryDate", "requirementsMet", "renewalFee"));
        String type = text(body, "", "type");
        OfferType offerType;
        try {
            offerType = OfferType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("type", "must be COMPETENCY or ADVANCED_SPECIALIZATION");
        }
        JsonNode fee = body.get("renewalFee");
        if (fee == null || !fee.isObject()) {
            throw Problem.invalid("renewalFee", "must be an object {amount, currency}");
        }
        onlyFields(fee, "renewalFee.", Set.of("amount", "currency"));
        return Offer.enrolled(partnerId, offerId, offerType, text(body, "", "name"), text(body, "", "area"),
                anniversaryDate(text(body, "", "anniversaryDate")), bool(body, "requirementsMet"),
                money(fee, "renewalFee."));
    }

    private static JsonNode requiredObject(ApiRequest request) {
        JsonNode body = optionalObject(request);
        if (body == null) {
            throw Problem.invalid("body", "is required");
        }
        return body;
    }

    /**
     * The body as a JSON object, or null when there is none. Its Content-Type is not consulted: the
     * API speaks only JSON, and clients' defaults label it otherwise (curl -d sends form-urlencoded,
     * fetch sends text/plain), so what decides is whether the body parses as a JSON object.
     */
    private static JsonNode optionalObject(ApiRequest request) {
        String text = request.body();
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonNode body = Json.read(text, "body");
        if (!body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object");
        }
        return body;
    }

    private static void onlyFields(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw Problem.invalid(prefix + name, "is not a field of this request");
            }
        }
    }

    private static String text(JsonNode node, String prefix, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw Problem.invalid(prefix + name, "is required");
        }
        if (!value.isTextual() || onlySpaces(value.asText())) {
            throw Problem.invalid(prefix + name, "must be a non-empty string");
        }
        String text = value.asText();
        if (!wellFormed(text)) {
            throw Problem.invalid(prefix + name, "must be Unicode text (it holds half of a surrogate pair)");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw Problem.invalid(prefix + name, "must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    /**
     * Blank by every reading a client may validate with: Java's, and JSON Schema's {@code \S}
     * (ECMA-262: the space separators, the no-break and zero-width no-break spaces, line ends).
     */
    private static boolean onlySpaces(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == 0x000B || c == 0x0085 || c == 0xFEFF);
    }

    /** No lone surrogate: a JSON escape of one half of a pair names no character and cannot be stored. */
    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw Problem.invalid(name, "must be true or false");
        }
        return value.booleanValue();
    }

    /** D15: amounts are decimal strings, currencies upper-case ISO 4217 codes. */
    private static Money money(JsonNode node, String prefix) {
        String amount = text(node, prefix, "amount");
        if (!AMOUNT.matcher(amount).matches()) {
            throw Problem.invalid(prefix + "amount", "must be a non-negative decimal string of at most 15 digits"
                    + " before the point and 6 after, such as \"4730.00\"");
        }
        String currency = text(node, prefix, "currency");
        if (!CURRENCY.matcher(currency).matches() || !isIsoCurrency(currency)) {
            throw Problem.invalid(prefix + "currency", "must be an upper-case ISO 4217 code such as \"USD\"");
        }
        return new Money(new BigDecimal(amount), currency);
    }

    /**
     * An AD a year inside the four-digit years: its reminders, window, exemption and next AD then
     * stay within them too, so every date the API answers with is still YYYY-MM-DD.
     */
    private static LocalDate anniversaryDate(String value) {
        LocalDate date = date(value, "anniversaryDate");
        if (date.isBefore(EARLIEST_ANNIVERSARY) || date.isAfter(LATEST_ANNIVERSARY)) {
            throw Problem.invalid("anniversaryDate", "must be from " + EARLIEST_ANNIVERSARY + " to " + LATEST_ANNIVERSARY);
        }
        return date;
    }

    /** D15: a code ISO 4217 lists (as the JDK knows it), not just three capital letters. */
    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static LocalDate date(String value, String name) {
        if (!DATE.matcher(value).matches()) {
            throw Problem.invalid(name, "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name, "is not a calendar date: " + value);
        }
    }
}
