package org.partnerprogram.renewal.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;

/**
 * Writes a {@link Letter} as subject, text and HTML in the partner's language, from the Qute
 * templates in {@code src/main/resources/email/} (one set per language), parsed once. Dates and
 * amounts are formatted for the language here, so the templates only place them.
 */
@ApplicationScoped
public class LetterWriter {

    /** The subject and both bodies of one email. */
    public record Written(String subject, String text, String html) {
    }

    /**
     * A letter's values as the language writes them. {@code kind} is the event's name; the
     * optional values are null when they do not apply. {@code feeDue}: a reminder of an offer
     * whose fee is not zero (the extension waives requirements, not the fee; a zero fee needs no
     * payment, D10).
     */
    public record Fields(String kind, boolean reminder, String partner, String offer, String area,
            String anniversaryDate, String opens, String closes, Integer daysLeft, boolean windowOpen, String fee, boolean feeDue,
            String exemptUntil, boolean pmc, String newAnniversaryDate, String link) {
    }

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);
    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);

    /** One language's three templates. */
    private record Templates(Template subject, Template text, Template html) {
    }

    private final Map<Language, Templates> templates = new EnumMap<>(Language.class);

    public LetterWriter() {
        // HTML templates escape every value; values resolve by reflection on the Fields record.
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        templates.put(Language.EN, load(engine, "en"));
        templates.put(Language.ZH_CN, load(engine, "zh"));
    }

    private static Templates load(Engine engine, String prefix) {
        return new Templates(engine.parse(resource(prefix + "_subject.txt"), TEXT),
                engine.parse(resource(prefix + "_text.txt"), TEXT), engine.parse(resource(prefix + "_html.html"), HTML));
    }

    private static String resource(String name) {
        try (InputStream in = LetterWriter.class.getResourceAsStream("/email/" + name)) {
            if (in == null) {
                throw new IllegalStateException("email template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Written write(Letter letter) {
        Fields f = fields(letter);
        Templates t = templates.get(letter.language());
        return new Written(oneLine(t.subject().data("f", f).render()), t.text().data("f", f).render(),
                t.html().data("f", f).render());
    }

    static Fields fields(Letter l) {
        Language language = l.language();
        return new Fields(l.event().name(), l.event().isReminder(), l.partnerName(), l.offerName(), l.area(),
                date(l.anniversaryDate(), language), date(l.windowOpens(), language), date(l.windowCloses(), language),
                l.daysLeft(), l.windowOpen(), money(l.fee(), language), l.event().isReminder() && !l.fee().isZero(),
                date(l.exemptUntil(), language), l.pmcMigrationRequired(),
                date(l.newAnniversaryDate(), language), l.link());
    }

    /** "15 March 2021" in English, "2021年3月15日" in Chinese. */
    static String date(LocalDate date, Language language) {
        if (date == null) {
            return null;
        }
        return (language == Language.ZH_CN ? CHINESE_DATE : ENGLISH_DATE).format(date);
    }

    /** "USD 4,730.00" in English, "4,730.00 美元" in Chinese (the currency's own decimals). */
    static String money(Money money, Language language) {
        Currency currency = currency(money.currency());
        int digits = currency == null ? 2 : Math.max(currency.getDefaultFractionDigits(), 0);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(Math.max(digits, money.amount().stripTrailingZeros().scale()));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        String amount = format.format(money.amount());
        if (language == Language.ZH_CN) {
            String name = currency == null ? money.currency() : currency.getDisplayName(Locale.SIMPLIFIED_CHINESE);
            return amount + " " + name;
        }
        return money.currency() + " " + amount;
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String oneLine(String subject) {
        return subject.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
