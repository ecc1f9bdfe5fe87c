package org.partnerprogram.renewal.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;

/**
 * Writes a {@link Letter} as subject, text and HTML in the partner's language, from the Qute
 * templates in {@code templates/LetterWriter/} (one set per language). Dates and amounts are
 * formatted for the language here, so the templates only place them.
 */
@ApplicationScoped
public class LetterWriter {

    /** The subject and both bodies of one email. */
    public record Written(String subject, String text, String html) {
    }

    /**
     * A letter's values as the language writes them. {@code kind} is the event's name; the
     * optional values are null when they do not apply.
     */
    public record Fields(String kind, boolean reminder, String partner, String offer, String area,
            String anniversaryDate, String opens, String closes, Integer daysLeft, String fee, String exemptUntil,
            boolean pmc, String newAnniversaryDate, String link) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance en_subject(Fields f);

        static native TemplateInstance en_text(Fields f);

        static native TemplateInstance en_html(Fields f);

        static native TemplateInstance zh_subject(Fields f);

        static native TemplateInstance zh_text(Fields f);

        static native TemplateInstance zh_html(Fields f);
    }

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.SIMPLIFIED_CHINESE);

    public Written write(Letter letter) {
        Fields f = fields(letter);
        if (letter.language() == Language.ZH_CN) {
            return new Written(oneLine(Templates.zh_subject(f).render()), Templates.zh_text(f).render(),
                    Templates.zh_html(f).render());
        }
        return new Written(oneLine(Templates.en_subject(f).render()), Templates.en_text(f).render(),
                Templates.en_html(f).render());
    }

    static Fields fields(Letter l) {
        Language language = l.language();
        return new Fields(l.event().name(), l.event().isReminder(), l.partnerName(), l.offerName(), l.area(),
                date(l.anniversaryDate(), language), date(l.windowOpens(), language), date(l.windowCloses(), language),
                l.daysLeft(), money(l.fee(), language), date(l.exemptUntil(), language), l.pmcMigrationRequired(),
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
