package org.partnerprogram.renewal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.ApiTestSupport;
import org.partnerprogram.renewal.store.OfferStore;

/**
 * The priming bean as Quarkus wires it (the handlers by name, the clients' credentials and
 * interceptor): the function of this profile (check) rehearses its paths, and neither the table
 * (DynamoDB Local) nor the SES capture sees any of it.
 */
@QuarkusTest
class PrimingInTheApplicationTest extends ApiTestSupport {

    @Inject
    SnapStartPriming priming;
    @Inject
    OfferStore store;

    @Test
    void theFunctionsRehearsalRunsThroughItsWiredHandlersAndLeavesNothingInTheTable() {
        int mails = local.mailbox().messages().size();
        SnapStartPriming.Primed primed = priming.prime(1);
        assertThat(primed.answers()).contains("renew RENEW -> 201", "check GET_OFFER -> 200", "check LIST_DUE -> 200")
                .noneMatch(answer -> answer.contains("failed"));
        assertThat(primed.requests()).isNotEmpty().allSatisfy(request ->
                assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=PRIMING/"));
        assertThat(store.partner(PrimingScenario.ID).profile()).isEmpty();
        assertThat(store.partner(PrimingScenario.ID).offers()).isEmpty();
        assertThat(local.mailbox().messages()).hasSize(mails);
    }
}
