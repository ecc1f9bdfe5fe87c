package org.partnerprogram.renewal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.SdkPriming;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends with Amazon SES API v2 {@code SendEmail}, the plain SDK client on the URL connection HTTP
 * client. In the local run and the tests its endpoint is the local SES capture: the same client,
 * the same requests. The client is built on first use (a primed notify's first use is its
 * SnapStart priming), so functions that never send never pay for it.
 */
@ApplicationScoped
public class SesMailer {

    /** The local capture checks no signature; nothing real is signed with these. */
    private static final AwsCredentialsProvider LOCAL_CAPTURE =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    /** What SES answers a SendEmail with, as SnapStart priming answers it in process (docs/adr/0006-snapstart-priming-answered-in-process.md). */
    public static final String PRIMING_ANSWER = "{\"MessageId\":\"priming\"}";

    private final RenewalConfig.Mail config;
    private final SdkPriming priming;
    private final AwsCredentialsProvider credentials;
    private volatile SesV2Client client;

    @Inject
    public SesMailer(RenewalConfig config, SdkPriming priming) {
        this(config.mail(), priming, config.mail().endpointOverride().isPresent() ? LOCAL_CAPTURE : null);
    }

    /** With {@code credentials} for the client, or the SDK's default chain when null. */
    public SesMailer(RenewalConfig.Mail config, SdkPriming priming, AwsCredentialsProvider credentials) {
        this.config = config;
        this.priming = priming;
        this.credentials = credentials;
    }

    /**
     * Sends the email; the answer is SES's message id.
     *
     * @throws SendFailure if SES did not take it (transient or not, see {@link SendFailure})
     */
    public String send(Email email) {
        try {
            return client().sendEmail(request(email)).messageId();
        } catch (AwsServiceException e) {
            boolean transientFailure = e.isThrottlingException() || e.statusCode() >= 500;
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            throw new SendFailure(code + errorMessage(e), transientFailure, e);
        } catch (SdkClientException e) {
            throw new SendFailure("SES unreachable: " + e.getMessage(), true, e);
        }
    }

    private static SendEmailRequest request(Email email) {
        return SendEmailRequest.builder()
                .fromEmailAddress(email.from())
                .destination(Destination.builder().toAddresses(email.to()).build())
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                        .build()).build())
                .build();
    }

    private static String errorMessage(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }

    private SesV2Client client() {
        SesV2Client current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                current = client;
            }
        }
        return current;
    }

    private SesV2Client build() {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                        .toBuilder().maxAttempts(config.maxAttempts()).build())
                        // SnapStart priming answers this client's requests in process.
                        .addExecutionInterceptor(priming));
        config.region().ifPresent(region -> builder.region(Region.of(region)));
        config.endpointOverride().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        // While SnapStart priming runs, the client signs with the priming key and asks no real provider.
        builder.credentialsProvider(SdkPriming.credentials(credentials != null ? credentials : DefaultCredentialsProvider.builder().build()));
        return builder.build();
    }

    /** Closes the client on shutdown, if it was ever built. */
    @jakarta.annotation.PreDestroy
    void close() {
        SesV2Client current = client;
        if (current != null) {
            try {
                current.close();
            } catch (SdkException e) {
                // nothing left to do at shutdown
            }
        }
    }
}
