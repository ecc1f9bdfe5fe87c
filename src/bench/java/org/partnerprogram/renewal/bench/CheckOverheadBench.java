package org.partnerprogram.renewal.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.FreeDynamoPort;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.lambda.CheckHandler;
import org.partnerprogram.renewal.local.LocalRun;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.EnrolOffer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The check handler's overhead over a raw read (a timing: reported, not asserted). The requests
 * per call are asserted in the normal suite (api/RequestCountTest).
 */
@QuarkusTest
@QuarkusTestResource(FreeDynamoPort.class)
@Tag("bench")
class CheckOverheadBench {

    static final int WARMUP = 2_000;
    static final int RUNS = 3_000;

    @Inject
    EnrolOffer enrol;
    @Inject
    CheckHandler check;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    RenewalConfig config;
    @Inject
    LocalRun local;

    @BeforeEach
    void enrolAnOffer() {
        Caller operator = new Caller("bench", null, Set.of(config.auth().operatorRole()));
        enrol.enrolPartner(operator, new Partner("bench", "Bench", true));
        enrol.enrolOffer(operator, Offer.enrolled("bench", "checked", OfferType.COMPETENCY, "Gold Cloud Platform",
                "Cloud Platform", LocalDate.parse("2021-03-15"), true, new Money(new BigDecimal("4730.00"), "USD")));
        local.clock().pin(Instant.parse("2021-03-20T10:00:00Z"));
    }

    static byte[] event(String routeKey, String offerId, String body, String key) {
        return ("""
                {"version":"2.0","routeKey":"%s","pathParameters":{"partnerId":"bench","offerId":"%s"},
                 "headers":{"content-type":"application/json","idempotency-key":"%s"},
                 "requestContext":{"requestId":"bench","authorizer":{"jwt":{"claims":{"sub":"b","partner_id":"bench","roles":"[mpn-partner-admin]"}}}},
                 "body":%s,"isBase64Encoded":false}""").formatted(routeKey, offerId, key, body).getBytes(StandardCharsets.UTF_8);
    }

    static String invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCheckHandlerCostsLittleMoreThanARawRead() throws Exception {
        byte[] get = event("GET /partners/{partnerId}/offers/{offerId}", "checked", "null", "none");
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("PARTNER#bench"), "SK", AttributeValue.fromS("OFFER#checked"));
        for (int i = 0; i < WARMUP; i++) {
            invoke(check, get);
            dynamo.getItem(b -> b.tableName(config.tableName()).key(key));
        }
        long[] handler = new long[RUNS];
        long[] raw = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            invoke(check, get);
            long t1 = System.nanoTime();
            dynamo.getItem(b -> b.tableName(config.tableName()).key(key).consistentRead(true));
            long t2 = System.nanoTime();
            handler[i] = t1 - t0;
            raw[i] = t2 - t1;
        }
        double ratio = (double) median(handler) / median(raw);
        BenchTable.row("warm check handler / raw GetItem, median of %,d".formatted(RUNS),
                "%.2f (%.0f µs / %.0f µs)".formatted(ratio, median(handler) / 1e3, median(raw) / 1e3), "<= 1.3", ratio <= 1.3);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
