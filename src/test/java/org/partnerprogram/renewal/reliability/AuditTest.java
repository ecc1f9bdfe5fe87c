package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Guarantee: every renewal leaves an audit record; the service deletes nothing (RELIABILITY.md "Data"). */
@QuarkusTest
class AuditTest extends ReliabilityTestSupport {

    @Test
    void aRenewalRecordsWhoWhenUnderWhichPolicyWithWhichPaymentAndRequest() {
        String partner = newPartner("audit");
        enrolPartner(partner, true);
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        renew(partner, "cloud-platform", "k-audit", PAID).then().statusCode(201);
        Map<String, AttributeValue> record = records(partner, "cloud-platform", "RENEWAL#").get(0);
        assertThat(record.get("renewedBy").s()).isEqualTo("admin@" + partner);
        assertThat(record.get("renewedAt").s()).isEqualTo("2021-03-20T10:00:00Z");
        assertThat(record.get("policy").s()).isEqualTo("mpn-2021");
        assertThat(record.get("paymentReference").s()).isEqualTo("pay-1");
        assertThat(record.get("paymentAmount").s()).isEqualTo("4730.00");
        assertThat(record.get("requestId").s()).isNotBlank();
        assertThat(record.get("previousAnniversaryDate").s()).isEqualTo("2021-03-15");
    }

    @Test
    void theServiceDeletesNothingEvenWhenItGivesAKeyBack() {
        String partner = newPartner("audit");
        enrolPartner(partner, true);
        today("2021-03-20T10:00:00Z");
        renew(partner, "unknown-offer", "k-404", PAID).then().statusCode(404);
        renew(partner, "unknown-offer", "k-404", PAID).then().statusCode(404);
        assertThat(FaultInjector.calls("DeleteItem")).isZero();
        assertThat(item("IDEMPOTENCY#" + partner + "#k-404", "IDEMPOTENCY").get("state").s()).isEqualTo("RELEASED");
    }
}
