package org.partnerprogram.renewal.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.FreeDynamoPort;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.WorkCounter;
import org.partnerprogram.renewal.domain.Contact;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.lambda.NotifyHandler;
import org.partnerprogram.renewal.local.LocalRun;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.EnrolOffer;

/**
 * DynamoDB requests and SES calls per notification (D19, D20): N reminder events handed to the
 * notify handler as the bus delivers them, then each again (a duplicate delivery). SES is the real
 * v2 client sending to the local capture, which counts the calls.
 */
@QuarkusTest
@QuarkusTestResource(FreeDynamoPort.class)
@Tag("bench")
class NotificationCountBench {

    static final int N = 200;

    @Inject
    EnrolOffer enrol;
    @Inject
    NotifyHandler notify;
    @Inject
    RenewalConfig config;
    @Inject
    LocalRun local;

    static byte[] event(String offerId) {
        return ("""
                {"version":"0","id":"e-%s","detail-type":"Renewal Event","source":"partner.renewals","account":"1","time":"2021-02-28T00:15:03Z",
                 "region":"us-east-1","resources":[],"detail":{"eventName":"INSERT","dynamodb":{"NewImage":{
                 "entity":{"S":"REMINDER"},"partnerId":{"S":"bench-notify"},"offerId":{"S":"%s"},"kind":{"S":"UPCOMING_ANNIVERSARY"},
                 "anniversaryDate":{"S":"2021-03-15"},"recordedOn":{"S":"2021-02-28"}}}}}""").formatted(offerId, offerId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aNotificationIsOneReadTwoWritesAndOneSesCall() throws Exception {
        Caller operator = new Caller("bench", null, Set.of(config.auth().operatorRole()));
        enrol.enrolPartner(operator, new Partner("bench-notify", "Bench", true,
                List.of(new Contact("ana@bench.example", "Ana")), Language.EN));
        for (int i = 0; i < N; i++) {
            enrol.enrolOffer(operator, Offer.enrolled("bench-notify", "offer-" + i, OfferType.COMPETENCY, "Gold Cloud Platform",
                    "Cloud Platform", LocalDate.parse("2021-03-15"), true, new Money(new BigDecimal("4730.00"), "USD")));
        }
        // Delivered the morning the reminders are recorded: a reminder is sent only while its window is open (D5, D20).
        local.clock().pin(Instant.parse("2021-02-28T00:15:03Z"));
        WorkCounter.reset();
        int sesBefore = local.mailbox().sendCalls();
        long started = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < N; i++) {
            sent += CheckOverheadBench.invoke(notify, event("offer-" + i)).contains("SENT") ? 1 : 0;
        }
        double millis = (System.nanoTime() - started) / 1e6 / N;
        double requests = (double) WorkCounter.requests() / N;
        double ses = (double) (local.mailbox().sendCalls() - sesBefore) / N;
        BenchTable.row("notify: DynamoDB requests per notification sent (%d)".formatted(N),
                "%.2f (BatchGetItem %d, PutItem %d)".formatted(requests, WorkCounter.requests("BatchGetItem"), WorkCounter.requests("PutItem")), "3: 1 BatchGetItem, claim + completion PutItems",
                sent == N && requests == 3.0);
        BenchTable.row("notify: SES SendEmail calls per notification sent", "%.2f".formatted(ses), "1", ses == 1.0);
        BenchTable.row("notify: warm handler time per notification (DynamoDB Local + local SES capture)",
                "%.1f ms".formatted(millis), "measured, not asserted", true);

        WorkCounter.reset();
        int sesAfter = local.mailbox().sendCalls();
        for (int i = 0; i < N; i++) {
            CheckOverheadBench.invoke(notify, event("offer-" + i));
        }
        double duplicateRequests = (double) WorkCounter.requests() / N;
        double duplicateSes = (double) (local.mailbox().sendCalls() - sesAfter) / N;
        // The counter sees refused calls too: the read and the refused claim (a conditional PutItem).
        BenchTable.row("notify: a duplicate delivery, DynamoDB requests / SES calls",
                "%.2f / %.2f".formatted(duplicateRequests, duplicateSes), "2 (1 BatchGetItem + the refused claim) / 0",
                duplicateRequests == 2.0 && duplicateSes == 0.0);
        local.clock().pin(null);
    }
}
