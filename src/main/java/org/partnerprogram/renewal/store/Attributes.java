package org.partnerprogram.renewal.store;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small, null-safe conversions between attribute values and Java values. */
final class Attributes {

    private Attributes() {
    }

    /** A mutable item builder that skips null values (DynamoDB has no use for them). */
    static final class Item {
        private final Map<String, AttributeValue> values = new HashMap<>();

        Item s(String name, Object value) {
            if (value != null) {
                values.put(name, AttributeValue.fromS(value.toString()));
            }
            return this;
        }

        Item n(String name, long value) {
            values.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        Item bool(String name, boolean value) {
            values.put(name, AttributeValue.fromBool(value));
            return this;
        }

        Item map(String name, Map<String, AttributeValue> value) {
            values.put(name, AttributeValue.fromM(value));
            return this;
        }

        Item list(String name, java.util.List<AttributeValue> value) {
            values.put(name, AttributeValue.fromL(value));
            return this;
        }

        Map<String, AttributeValue> build() {
            return Map.copyOf(values);
        }
    }

    static Item item() {
        return new Item();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Table.PK, AttributeValue.fromS(pk), Table.SK, AttributeValue.fromS(sk));
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static LocalDate date(Map<String, AttributeValue> item, String name) {
        String value = s(item, name);
        return value == null ? null : LocalDate.parse(value);
    }

    static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0L : Long.parseLong(value.n());
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static Map<String, AttributeValue> values(Object... pairs) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            values.put((String) pairs[i], value instanceof AttributeValue av ? av : AttributeValue.fromS(value.toString()));
        }
        return values;
    }
}
