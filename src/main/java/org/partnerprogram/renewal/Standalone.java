package org.partnerprogram.renewal;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.mail.LetterWriter;
import org.partnerprogram.renewal.mail.SesMailer;
import org.partnerprogram.renewal.store.IdempotencyStore;
import org.partnerprogram.renewal.store.NotificationStore;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.usecase.Access;
import org.partnerprogram.renewal.usecase.CheckOffer;
import org.partnerprogram.renewal.usecase.EnrolOffer;
import org.partnerprogram.renewal.usecase.ListDueWork;
import org.partnerprogram.renewal.usecase.NotifyPartner;
import org.partnerprogram.renewal.usecase.RenewOffer;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import org.partnerprogram.renewal.usecase.Today;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The use cases wired by hand, without Quarkus, for what runs outside a Lambda function: the
 * bulk import command, the fuzz test and the sweep model test. Same configuration keys (application.properties is not
 * read here: defaults, environment variables, system properties and the overrides given).
 */
public final class Standalone {

    public final RenewalConfig config;
    public final DynamoDbClient dynamo;
    public final RenewalRules rules;
    public final OfferStore store;
    public final Access access;
    public final Today today;

    private Standalone(RenewalConfig config, DynamoDbClient dynamo, Clock clock) {
        this.config = config;
        this.dynamo = dynamo;
        this.rules = Wiring.rulesFrom(config);
        this.store = new OfferStore(dynamo, config);
        this.access = new Access(config);
        this.today = new Today(clock, rules);
    }

    /** Settings from defaults, environment and system properties, with {@code overrides} on top. */
    public static RenewalConfig config(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(overrides, "overrides", 500))
                .withMapping(RenewalConfig.class)
                .build()
                .getConfigMapping(RenewalConfig.class);
    }

    /**
     * A client for {@code endpoint} (DynamoDB Local: dummy credentials, us-east-1 unless AWS_REGION
     * says otherwise), or for the real service from the usual AWS configuration when it is null.
     */
    public static DynamoDbClient dynamo(String endpoint) {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null) {
            String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
            builder.endpointOverride(URI.create(endpoint)).region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    public static Standalone wire(RenewalConfig config, DynamoDbClient dynamo, Clock clock) {
        return new Standalone(config, dynamo, clock);
    }

    public CheckOffer checkOffer() {
        return new CheckOffer(store, rules, access, today);
    }

    public RenewOffer renewOffer() {
        return new RenewOffer(store, new IdempotencyStore(dynamo, config), rules, access, today);
    }

    public ListDueWork listDueWork() {
        return new ListDueWork(store, rules, access);
    }

    public EnrolOffer enrolOffer() {
        return new EnrolOffer(store, rules, access, today);
    }

    public SweepDueWork sweepDueWork() {
        return new SweepDueWork(store, rules, today, config);
    }

    public NotifyPartner notifyPartner() {
        return notifyPartner(new SesMailer(config, new SdkPriming()));
    }

    public NotifyPartner notifyPartner(SesMailer mailer) {
        return new NotifyPartner(store, new NotificationStore(dynamo, config), rules, new LetterWriter(), mailer, today, access, config);
    }
}
