package org.partnerprogram.renewal.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.lambda.Json;
import org.partnerprogram.renewal.store.Table;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Local run only: what the table's stream, the pipe and the bus do in AWS (template.yaml). It
 * reads DynamoDB Local's stream every half second, keeps the records the pipe's filter passes
 * (INSERTs of outbox rows), wraps each in the event the bus delivers and invokes the notify
 * handler with it, as the rule would. A failed invocation is retried twice with a delay, as
 * Lambda retries an asynchronous event, then dropped with an error (the dead-letter queue);
 * other events go on meanwhile.
 */
final class LocalStreams implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStreams.class);
    private static final long POLL_MILLIS = 500;
    private static final long[] RETRY_DELAYS_MILLIS = {1_000, 2_000};

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Supplier<RequestStreamHandler> notify;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "local-stream");
        thread.setDaemon(true);
        return thread;
    });
    /** Open shards and where their next read starts. */
    private final Map<String, String> iterators = new HashMap<>();
    /** Work under way: a poll handing records over, deliveries handed to the handler or waiting for a retry. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean paused;

    private LocalStreams(DynamoDbStreamsClient streams, String streamArn, Supplier<RequestStreamHandler> notify) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.notify = notify;
    }

    static LocalStreams start(int dynamoPort, String streamArn, Supplier<RequestStreamHandler> notify) {
        DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + dynamoPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        LocalStreams poller = new LocalStreams(client, streamArn, notify);
        poller.executor.scheduleWithFixedDelay(poller::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return poller;
    }

    /**
     * Stops reading the stream (records wait in it) and waits, up to {@code timeoutMillis}, for the
     * work already under way: a poll that had started (it may still hand records over) and the
     * deliveries. Tests that inject faults into the table's client or count its calls pause the
     * notify path so its writes do not mix with theirs.
     */
    void pause(long timeoutMillis) {
        paused = true;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void resume() {
        paused = false;
    }

    /**
     * A poll counts itself in flight before it looks at {@code paused}: either {@link #pause} sees it
     * and waits, or it sees the pause and reads nothing. (Checking first let a poll that had just
     * passed the check deliver into the test that paused: one more request in its count.)
     */
    private void poll() {
        inFlight.incrementAndGet();
        try {
            if (!paused) {
                readShards();
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void readShards() {
        try {
            discoverShards();
        } catch (RuntimeException e) {
            LOG.debugf("stream not readable yet (retried next poll): %s", e.getMessage());
            return;
        }
        for (String shard : java.util.List.copyOf(iterators.keySet())) {
            try {
                var page = streams.getRecords(b -> b.shardIterator(iterators.get(shard)).limit(100));
                for (Record record : page.records()) {
                    lastSequence.put(shard, record.dynamodb().sequenceNumber());
                    if (passesThePipeFilter(record)) {
                        deliver(event(record), 0);
                    }
                }
                if (page.nextShardIterator() == null) {
                    iterators.remove(shard); // closed and fully read
                } else {
                    iterators.put(shard, page.nextShardIterator());
                }
            } catch (RuntimeException e) {
                // An expired or broken iterator: carry on after the last record delivered.
                LOG.debugf("shard %s: %s; reading on from its last record", shard, e.getMessage());
                iterators.put(shard, iterator(shard));
            }
        }
    }

    /** Shards seen so far, and the last record read in each. */
    private final java.util.Set<String> seenShards = new java.util.HashSet<>();
    private final Map<String, String> lastSequence = new HashMap<>();

    private void discoverShards() {
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            if (seenShards.add(shard.shardId())) {
                iterators.put(shard.shardId(), iterator(shard.shardId()));
            }
        }
    }

    private String iterator(String shard) {
        String after = lastSequence.get(shard);
        return streams.getShardIterator(b -> {
            b.streamArn(streamArn).shardId(shard);
            if (after == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    /** The pipe's filter (template.yaml): INSERTs of the outbox entities. */
    static boolean passesThePipeFilter(Record record) {
        if (!"INSERT".equals(record.eventNameAsString()) || record.dynamodb() == null) {
            return false;
        }
        AttributeValue entity = record.dynamodb().newImage().get(Table.ENTITY);
        return entity != null && Table.OUTBOX_ENTITIES.contains(entity.s());
    }

    /** The event the pipe puts on the bus and the rule hands the function: the record is its detail. */
    static byte[] event(Record record) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Renewal Event");
        event.put("source", "partner.renewals");
        event.put("account", "000000000000");
        event.put("time", Instant.now().toString());
        event.put("region", "us-east-1");
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail");
        detail.put("eventID", record.eventID());
        detail.put("eventName", record.eventNameAsString());
        detail.put("eventVersion", record.eventVersion());
        detail.put("eventSource", "aws:dynamodb");
        detail.put("awsRegion", "us-east-1");
        ObjectNode dynamodb = detail.putObject("dynamodb");
        dynamodb.set("Keys", image(record.dynamodb().keys()));
        dynamodb.set("NewImage", image(record.dynamodb().newImage()));
        dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
        dynamodb.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** An item in DynamoDB JSON ({"S": ...}, {"N": ...}, ...), as stream records carry it. */
    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        item.forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static ObjectNode value(AttributeValue value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case M -> node.set("M", image(value.m()));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(item -> list.add(value(item)));
            }
            default -> node.put(value.type().name(), String.valueOf(value));
        }
        return node;
    }

    private void deliver(byte[] event, int attempt) {
        if (attempt == 0) {
            inFlight.incrementAndGet();
        }
        executor.execute(() -> {
            try {
                notify.get().handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
                inFlight.decrementAndGet();
            } catch (IOException | RuntimeException e) {
                if (attempt < RETRY_DELAYS_MILLIS.length) {
                    LOG.infof("notify failed (%s); retried in %d ms", e.getMessage(), RETRY_DELAYS_MILLIS[attempt]);
                    executor.schedule(() -> deliver(event, attempt + 1), RETRY_DELAYS_MILLIS[attempt], TimeUnit.MILLISECONDS);
                } else {
                    inFlight.decrementAndGet();
                    LOG.errorf("notify failed %d times, dead-lettered: %s", attempt + 1, new String(event, StandardCharsets.UTF_8));
                }
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        streams.close();
    }
}
