package org.partnerprogram.renewal.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnerprogram.renewal.SdkPriming;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.domain.Contact;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Payment;
import org.partnerprogram.renewal.mail.SesMailer;
import org.partnerprogram.renewal.store.PrimingTable;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.Outcome;
import org.partnerprogram.renewal.usecase.RenewOffer;
import org.partnerprogram.renewal.bench.QuickHttpServer.Response;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB and SES as the notify function meets them when a renewal's receipt is due, answering
 * at once on one quick-ACK socket: the table is a {@link PrimingTable} holding a partner with a
 * contact, its offer and the offer's renewal, written by the service's own use cases; SES takes
 * every email. Each delivery of {@link #receiptEvent} is therefore SENT (the table keeps no claim
 * conditions), the path a receipt takes.
 */
final class NotifyStandIn implements AutoCloseable {

    private final PrimingTable table = new PrimingTable();
    private final QuickHttpServer server;

    private NotifyStandIn() throws IOException {
        server = new QuickHttpServer(this::answer);
    }

    static NotifyStandIn start() throws IOException {
        NotifyStandIn standIn = new NotifyStandIn();
        standIn.seed();
        return standIn;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The renewal record the seed wrote, as the bus delivers it to notify. */
    String receiptEvent() {
        return "{\"source\":\"bench\",\"detail-type\":\"bench\",\"detail\":{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":"
                + table.lastOutboxItem().orElseThrow() + "}}}";
    }

    private synchronized Response answer(QuickHttpServer.Request request) {
        String target = request.header("X-Amz-Target");
        if (target == null) {
            return Response.json(200, SesMailer.PRIMING_ANSWER, Map.of("Content-Type", "application/json"));
        }
        String body = table.answer(new SdkPriming.Request(target, new String(request.body(), StandardCharsets.UTF_8)));
        return Response.json(200, body, Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-RequestId", "bench"));
    }

    /** A partner with a contact and an offer in its window, renewed: through the use cases, into the table. */
    private void seed() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build()) {
            Standalone services = Standalone.wire(Standalone.config(Map.of("renewal.table-name", "bench-cold")), dynamo,
                    Clock.fixed(Instant.parse("2021-03-20T10:00:00Z"), ZoneOffset.UTC));
            Caller operator = new Caller("bench", null, Set.of(services.config.auth().operatorRole()));
            Caller admin = new Caller("bench", "p", Set.of(services.config.auth().partnerAdminRole()));
            Money fee = new Money(new BigDecimal("4730.00"), "USD");
            services.enrolOffer().enrolPartner(operator, new Partner("p", "Bench Ltd", true,
                    List.of(new Contact("admin@bench.example", "Admin")), Language.EN));
            services.enrolOffer().enrolOffer(operator, Offer.enrolled("p", "o", OfferType.COMPETENCY, "Gold Cloud Platform",
                    "Cloud Platform", LocalDate.parse("2021-03-15"), true, fee));
            Outcome renewed = services.renewOffer().renew(new RenewOffer.Command(admin, "p", "o", "bench-1",
                    new Payment("PAY-1", fee), "bench"), new Outcome.Renderer() {
                        @Override
                        public Outcome renewed(org.partnerprogram.renewal.domain.Renewal renewal) {
                            return new Outcome(201, "{}", null, false);
                        }

                        @Override
                        public Outcome problem(org.partnerprogram.renewal.usecase.Problem problem) {
                            throw problem;
                        }
                    });
            if (renewed.status() != 201) {
                throw new IllegalStateException("the seed's renewal was not made: " + renewed);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
