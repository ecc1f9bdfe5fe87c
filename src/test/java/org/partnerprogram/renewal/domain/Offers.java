package org.partnerprogram.renewal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Test fixtures: the real mpn-2021 policy and offers built in one line. */
final class Offers {

    static final RenewalRules RULES = new RenewalRules(PolicyCatalog.load(List.of("mpn-2021")));
    static final Partner MIGRATED = new Partner("contoso", "Contoso", true);
    static final Partner ON_PMC = new Partner("fabrikam", "Fabrikam", false);
    static final Money FEE = usd("4730.00");

    private Offers() {
    }

    static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    static Offer competency(String anniversaryDate, boolean requirementsMet) {
        return offer(OfferType.COMPETENCY, "Cloud Platform", anniversaryDate, requirementsMet);
    }

    static Offer offer(OfferType type, String area, String anniversaryDate, boolean requirementsMet) {
        return Offer.enrolled("contoso", "offer-1", type, "Gold " + area, area, day(anniversaryDate), requirementsMet, FEE);
    }

    static Payment paid(String amount, String currency) {
        return new Payment("pay-1", new Money(new BigDecimal(amount), currency));
    }

    static List<BlockerCode> codes(List<Blocker> blockers) {
        return blockers.stream().map(Blocker::code).toList();
    }
}
