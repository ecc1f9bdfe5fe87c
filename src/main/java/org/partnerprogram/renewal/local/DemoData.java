package org.partnerprogram.renewal.local;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.partnerprogram.renewal.domain.Contact;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.EnrolOffer;

/**
 * Demo partners for the local run, enrolled through the operator use case; each has contacts
 * (D18), fabrikam's in Simplified Chinese. With the clock at its
 * default (2021-03-20) they cover every case of the spec; the README lists them.
 */
final class DemoData {

    private DemoData() {
    }

    static void load(EnrolOffer enrol, String operatorRole) {
        Caller operator = new Caller("local-demo", null, Set.of(operatorRole));
        // Contoso moved to Partner Center: the COVID-19 extension works for it.
        enrol.enrolPartner(operator, new Partner("contoso", "Contoso Ltd", true,
                List.of(new Contact("ana.lima@contoso.example", "Ana Lima"), new Contact("renewals@contoso.example", null)),
                Language.EN));
        offer(enrol, operator, "contoso", "cloud-platform", OfferType.COMPETENCY, "Gold Cloud Platform", "Cloud Platform",
                "2021-03-15", false, "4730.00");      // in window, requirements waived by the extension
        offer(enrol, operator, "contoso", "data-analytics", OfferType.COMPETENCY, "Silver Data Analytics", "Data Analytics",
                "2021-05-01", true, "1670.00");       // window not open yet
        offer(enrol, operator, "contoso", "cloud-business-apps", OfferType.COMPETENCY, "Gold Cloud Business Applications",
                "Cloud Business Applications", "2021-03-10", false, "4730.00"); // never exempt: requirements not met
        offer(enrol, operator, "contoso", "kubernetes-on-azure", OfferType.ADVANCED_SPECIALIZATION,
                "Kubernetes on Microsoft Azure", "Cloud Platform", "2021-03-01", false, "0.00"); // exempt, no fee
        offer(enrol, operator, "contoso", "security", OfferType.COMPETENCY, "Silver Security", "Security",
                "2021-02-01", true, "1670.00");       // window closed on 2021-03-03: lapsed

        // Fabrikam is still on PMC: the extension does not help it until it moves.
        // Fabrikam's team reads its email in Simplified Chinese.
        enrol.enrolPartner(operator, new Partner("fabrikam", "Fabrikam Inc", false,
                List.of(new Contact("wang.fang@fabrikam.example", "王芳")), Language.ZH_CN));
        offer(enrol, operator, "fabrikam", "cloud-platform", OfferType.COMPETENCY, "Gold Cloud Platform", "Cloud Platform",
                "2021-03-12", false, "4730.00");      // pmc-migration-required
        offer(enrol, operator, "fabrikam", "modern-work", OfferType.COMPETENCY, "Silver Modern Work", "Modern Work",
                "2021-03-18", true, "1670.00");       // requirements met: renewable without migrating

        // Northwind: outside the extension's ADs.
        enrol.enrolPartner(operator, new Partner("northwind", "Northwind Traders", true,
                List.of(new Contact("membership@northwind.example", "Northwind membership")), Language.EN));
        offer(enrol, operator, "northwind", "data-platform", OfferType.COMPETENCY, "Gold Data Platform", "Data Platform",
                "2021-07-10", false, "4730.00");      // AD after 2021-06-30: no exemption, window not open
        offer(enrol, operator, "northwind", "application-development", OfferType.COMPETENCY,
                "Silver Application Development", "Application Development", "2020-12-31", true, "1670.00"); // lapsed
    }

    private static void offer(EnrolOffer enrol, Caller operator, String partnerId, String offerId, OfferType type,
            String name, String area, String anniversaryDate, boolean requirementsMet, String fee) {
        enrol.enrolOffer(operator, Offer.enrolled(partnerId, offerId, type, name, area, LocalDate.parse(anniversaryDate),
                requirementsMet, new Money(new BigDecimal(fee), "USD")));
    }
}
