package org.partnerprogram.renewal.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The table's schema, defined once (docs/adr/0001-single-table-and-due-work-index.md). Every key
 * and attribute name the service reads or writes is here; template.yaml declares the same table and a test checks
 * that both agree.
 *
 * <pre>
 * PK                        SK                          entity
 * PARTNER#&lt;p&gt;              PROFILE                     partner profile
 * PARTNER#&lt;p&gt;              OFFER#&lt;o&gt;                   offer (+ dueShard/dueAt while the sweep has work)
 * OFFER#&lt;p&gt;#&lt;o&gt;           RENEWAL#&lt;previous AD&gt;        renewal history, one per AD renewed
 * OFFER#&lt;p&gt;#&lt;o&gt;           REMINDER#&lt;AD&gt;#&lt;kind&gt;        reminder record (the outbox the stream delivers)
 * OFFER#&lt;p&gt;#&lt;o&gt;           LAPSE#&lt;AD&gt;                  lapse record, one per (offer, AD) the sweep lapsed
 * IDEMPOTENCY#&lt;p&gt;#&lt;key&gt;    IDEMPOTENCY                 idempotency record, expires by TTL
 * GSI due-work: dueShard = DUE#&lt;n&gt;, dueAt = yyyy-MM-dd (sparse: only offers with work left)
 * </pre>
 */
public final class Table {

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String DUE_INDEX = "due-work";
    public static final String DUE_SHARD = "dueShard";
    public static final String DUE_AT = "dueAt";
    /** Epoch seconds; DynamoDB's TTL deletes the item after it. Only idempotency records carry it. */
    public static final String EXPIRES_AT = "expiresAt";
    /** What an item is; the stream filter delivers items whose entity is REMINDER. */
    public static final String ENTITY = "entity";

    public static final String PROFILE = "PROFILE";
    public static final String IDEMPOTENCY = "IDEMPOTENCY";

    /** Key prefixes: every key the service builds starts with one of these, and only this class spells them. */
    static final String PARTNER_PREFIX = "PARTNER#";
    static final String OFFER_PREFIX = "OFFER#";
    static final String RENEWAL_PREFIX = "RENEWAL#";
    static final String REMINDER_PREFIX = "REMINDER#";
    static final String LAPSE_PREFIX = "LAPSE#";
    static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";
    static final String DUE_PREFIX = "DUE#";
    private static final String SEPARATOR = "#";

    static final String PARTNER_ID = "partnerId";
    static final String OFFER_ID = "offerId";
    static final String NAME = "name";
    static final String MIGRATED = "migratedToPartnerCenter";
    static final String TYPE = "type";
    static final String AREA = "area";
    static final String ANNIVERSARY_DATE = "anniversaryDate";
    static final String REQUIREMENTS_MET = "requirementsMet";
    static final String FEE_AMOUNT = "feeAmount";
    static final String FEE_CURRENCY = "feeCurrency";
    static final String REMINDERS_SENT = "remindersSent";
    static final String LAPSED_ON = "lapsedOn";
    static final String EXEMPT_UNTIL = "exemptUntil";
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";

    static final String RENEWAL_ID = "renewalId";
    static final String PREVIOUS_AD = "previousAnniversaryDate";
    static final String NEW_AD = "newAnniversaryDate";
    static final String RENEWED_ON = "renewedOn";
    static final String RENEWED_AT = "renewedAt";
    static final String RENEWED_BY = "renewedBy";
    static final String REQUEST_ID = "requestId";
    static final String EXEMPTION_PROGRAM = "exemptionProgram";
    static final String PAYMENT_REFERENCE = "paymentReference";
    static final String PAYMENT_AMOUNT = "paymentAmount";
    static final String PAYMENT_CURRENCY = "paymentCurrency";
    static final String POLICY = "policy";

    static final String KIND = "kind";
    static final String DUE = "due";
    static final String RECORDED_ON = "recordedOn";
    static final String RECORDED_AT = "recordedAt";

    static final String STATE = "state";
    static final String FINGERPRINT = "fingerprint";
    static final String TOKEN = "token";
    static final String LOCKED_UNTIL = "lockedUntil";
    static final String RESPONSE_STATUS = "responseStatus";
    static final String RESPONSE_BODY = "responseBody";

    static final String OFFER_ENTITY = "OFFER";
    static final String PARTNER_ENTITY = "PARTNER";
    static final String RENEWAL_ENTITY = "RENEWAL";
    public static final String REMINDER_ENTITY = "REMINDER";
    static final String LAPSE_ENTITY = "LAPSE";
    static final String IDEMPOTENCY_ENTITY = "IDEMPOTENCY";

    private Table() {
    }

    static String partnerKey(String partnerId) {
        return PARTNER_PREFIX + partnerId;
    }

    static String offerSortKey(String offerId) {
        return OFFER_PREFIX + offerId;
    }

    static String offerKey(String partnerId, String offerId) {
        return OFFER_PREFIX + partnerId + SEPARATOR + offerId;
    }

    static String renewalSortKey(java.time.LocalDate previousAnniversaryDate) {
        return RENEWAL_PREFIX + previousAnniversaryDate;
    }

    static String reminderSortKey(java.time.LocalDate anniversaryDate, String kind) {
        return REMINDER_PREFIX + anniversaryDate + SEPARATOR + kind;
    }

    static String lapseSortKey(java.time.LocalDate anniversaryDate) {
        return LAPSE_PREFIX + anniversaryDate;
    }

    static String idempotencyKey(String partnerId, String key) {
        return IDEMPOTENCY_PREFIX + partnerId + SEPARATOR + key;
    }

    static String dueShard(int shard) {
        return DUE_PREFIX + shard;
    }

    /** Spreads offers over the index partitions; String.hashCode is specified, so stable across JVMs. */
    static int dueShardOf(String partnerId, String offerId, int dueShards) {
        return Math.floorMod((partnerId + SEPARATOR + offerId).hashCode(), dueShards);
    }

    /** The request that creates the table as template.yaml declares it (local run and tests). */
    public static CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK), attribute(SK), attribute(DUE_SHARD), attribute(DUE_AT))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(DUE_INDEX)
                        .keySchema(key(DUE_SHARD, KeyType.HASH), key(DUE_AT, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())
                .build();
    }

    /** Attribute names of the key schema and index, for the template test. */
    public static List<String> keyAttributes() {
        return List.of(PK, SK, DUE_SHARD, DUE_AT);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
