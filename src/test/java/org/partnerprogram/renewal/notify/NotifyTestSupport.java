package org.partnerprogram.renewal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partnerprogram.renewal.api.ApiTestSupport;
import org.partnerprogram.renewal.api.Tokens;
import org.partnerprogram.renewal.local.LocalMailbox;

/**
 * Notifications end to end: partners with contacts, the bus's events handed to the notify
 * handler as Lambda would, the real SES v2 client sending to the local capture, and the mailbox.
 */
abstract class NotifyTestSupport extends ApiTestSupport {

    @Inject
    @Any
    Instance<RequestStreamHandler> handlers;

    /**
     * Emails go out within seconds of the sweep or renewal that records them, and a reminder is sent
     * only while its window is open on the day it is delivered (D5, D20): the service's clock starts
     * on the day the hand-built events below are recorded, the morning of 28 February 2021.
     */
    @BeforeEach
    void deliveredTheMorningTheEventsAreRecorded() {
        today("2021-02-28T00:15:03Z");
    }

    @AfterEach
    void noFaultsLeft() {
        local.mailbox().failNext(0, LocalMailbox.Fault.THROTTLED);
    }

    /** The address of a contact of this partner: unique to the test, so its mail is its own. */
    static String contact(String partnerId, String who) {
        return who + "@" + partnerId + ".example";
    }

    void enrolPartner(String partnerId, boolean migrated, String language, String... contacts) {
        String list = Stream.of(contacts).map(email -> "{\"email\":\"" + email + "\",\"name\":\"" + email.split("@")[0] + "\"}")
                .collect(Collectors.joining(","));
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + partnerId + " Ltd\",\"migratedToPartnerCenter\":" + migrated
                        + ",\"contacts\":[" + list + "]" + (language == null ? "" : ",\"language\":\"" + language + "\"") + "}")
                .put("/partners/{p}", partnerId).then().statusCode(200);
    }

    /** Messages in the mailbox to any address of this partner's. */
    List<LocalMailbox.Message> mailTo(String partnerId) {
        return local.mailbox().messages().stream()
                .filter(m -> m.to().stream().anyMatch(to -> to.endsWith("@" + partnerId + ".example")))
                .toList();
    }

    /** Waits (the stream is polled every half second) until the partner's mail matches, or fails. */
    List<LocalMailbox.Message> awaitMail(String partnerId, Predicate<List<LocalMailbox.Message>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<LocalMailbox.Message> mail = mailTo(partnerId);
            if (done.test(mail)) {
                return mail;
            }
            sleep(200);
        }
        List<LocalMailbox.Message> mail = mailTo(partnerId);
        assertThat(done.test(mail)).as("mail to %s: %s", partnerId, mail.stream().map(LocalMailbox.Message::subject).toList()).isTrue();
        return mail;
    }

    /** Invokes the notify handler with one event as the bus's rule delivers it; returns its output. */
    String invokeNotify(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handlers.select(NamedLiteral.of("notify")).get()
                    .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The bus's event for a reminder record, as the pipe passes the stream record on. Built here,
     * not written to the table, so the local stream does not deliver it too.
     */
    static String reminderEvent(String partnerId, String offerId, String kind, String anniversaryDate, String recordedOn) {
        return event(partnerId, offerId, "REMINDER#" + anniversaryDate + "#" + kind,
                ("\"entity\":{\"S\":\"REMINDER\"},\"kind\":{\"S\":\"%s\"},\"anniversaryDate\":{\"S\":\"%s\"},"
                        + "\"recordedOn\":{\"S\":\"%s\"},\"recordedAt\":{\"S\":\"%sT00:15:00Z\"}")
                        .formatted(kind, anniversaryDate, recordedOn, recordedOn));
    }

    static String event(String partnerId, String offerId, String sortKey, String attributes) {
        return """
                {"version":"0","id":"%s","detail-type":"Renewal Event","source":"partner.renewals","account":"123456789012",
                 "time":"2021-02-28T00:15:03Z","region":"us-east-1","resources":[],
                 "detail":{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
                  "dynamodb":{"Keys":{"PK":{"S":"OFFER#%s#%s"},"SK":{"S":"%s"}},
                   "NewImage":{"PK":{"S":"OFFER#%s#%s"},"SK":{"S":"%s"},"partnerId":{"S":"%s"},"offerId":{"S":"%s"},%s},
                   "SequenceNumber":"100","SizeBytes":300,"StreamViewType":"NEW_IMAGE"},
                  "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2021"}}"""
                .formatted(java.util.UUID.randomUUID(), partnerId, offerId, sortKey, partnerId, offerId, sortKey, partnerId,
                        offerId, attributes);
    }
}
