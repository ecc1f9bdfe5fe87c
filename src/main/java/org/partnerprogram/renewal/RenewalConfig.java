package org.partnerprogram.renewal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the service and its default, in one place: the defaults are the
 * {@code @WithDefault}s below and nowhere else (application.properties only overrides them per
 * profile; the README's Configuration table lists them, checked by ConfigDefaultsTest). Set any of
 * them in application.properties, as a system property or as an environment variable
 * ({@code renewal.table-name} is {@code RENEWAL_TABLE_NAME}).
 */
@ConfigMapping(prefix = "renewal")
public interface RenewalConfig {

    /** The DynamoDB table (RENEWAL_TABLE_NAME). */
    @WithDefault("offer-renewals")
    String tableName();

    /** Policy ids, each a resource policies/&lt;id&gt;.properties (D11). */
    @WithDefault("mpn-2021")
    List<String> policies();

    /** Overrides the policies' zone for "today" (D6), e.g. Europe/Paris; unset keeps the policy's own. */
    Optional<String> zone();

    /** Partitions of the due-work index; the sweep reads each one (docs/adr/0001-single-table-and-due-work-index.md). */
    @WithDefault("8")
    int dueShards();

    /** Index shards the sweep works at once (threads; the work is I/O). */
    @WithDefault("4")
    int sweepParallelism();

    /** Attempts per DynamoDB call, first try included (standard retry strategy, backoff with jitter). */
    @WithDefault("3")
    int storeMaxAttempts();

    Auth auth();

    /** CloudWatch embedded-metric-format namespace of the service's metrics. */
    @WithDefault("PartnerRenewals")
    String metricsNamespace();

    Idempotency idempotency();

    /** Where people open an offer: emails link to {@code <console URL>/partners/{p}/offers/{o}} (D19). */
    @WithDefault("http://127.0.0.1:3000")
    String consoleUrl();

    Mail mail();

    /** Email with Amazon SES v2 (D19, D20). */
    interface Mail {
        /** The verified SES identity the emails come from (RENEWAL_MAIL_SENDER). */
        @WithDefault("renewals@example.com")
        String sender();

        /** The local run's SES capture; unset in Lambda, where the SDK finds the regional endpoint. */
        Optional<String> endpointOverride();

        /** Unset in Lambda: the SDK reads AWS_REGION. */
        Optional<String> region();

        /**
         * How long a claim holds an event's email against other deliveries. Longer than the
         * function's timeout, so only a dead holder's claim is taken over.
         */
        @WithDefault("PT45S")
        java.time.Duration claimLease();

        /** Attempts per SES call inside one invocation, first try included (then the event is redelivered). */
        @WithDefault("2")
        int maxAttempts();
    }

    Console console();

    /** The console's sign-in (OpenID Connect authorization code with PKCE); template parameters. */
    interface Console {
        /** The OpenID Connect issuer, the same the JWT authorizer trusts. */
        Optional<String> issuer();

        /** The console's (public) client id at the issuer. */
        Optional<String> clientId();

        /** Where the issuer sends the browser back: the console's /callback. */
        Optional<String> redirectUri();

        /** Scopes asked for; the access token they give must carry the partner and roles claims. */
        @WithDefault("openid")
        String scope();
    }

    interface Auth {
        /** The claim that names the caller's partner. */
        @WithDefault("partner_id")
        String partnerClaim();

        /** The claim that lists the caller's roles (array, or API Gateway's flattened "[a b]"). */
        @WithDefault("roles")
        String rolesClaim();

        @WithDefault("mpn-partner-admin")
        String partnerAdminRole();

        @WithDefault("membership-operator")
        String operatorRole();

        /**
         * These names as the console's config.json gives them (claims): the console reads tokens
         * with the same names, so a deployment that renames them changes one setting.
         */
        default Map<String, String> names() {
            return Map.of("partner", partnerClaim(), "roles", rolesClaim(),
                    "partnerAdminRole", partnerAdminRole(), "operatorRole", operatorRole());
        }
    }

    interface Idempotency {
        /** D16: how long a stored outcome is replayed. */
        @WithDefault("PT24H")
        java.time.Duration retention();

        /** How long an unfinished request holds its key before a retry may take it over. */
        @WithDefault("PT30S")
        java.time.Duration lock();
    }
}
