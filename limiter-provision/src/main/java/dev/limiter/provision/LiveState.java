package dev.limiter.provision;

import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.ConfigItems;
import dev.limiter.dynamodb.schema.EntityItems;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.store.IndexQuery;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a namespace holds in the table: its settings, entities and configurations, each marked managed or not, and a
 * fingerprint of all of it that changes whenever anything in the namespace does (to refuse stale saved plans).
 *
 * @param namespace   the namespace
 * @param resources   live resources by address
 * @param fingerprint SHA-256 over every resource's address, managed flag and attributes
 */
public record LiveState(String namespace, Map<String, Live> resources, String fingerprint) {

    /**
     * One live resource.
     *
     * @param resource the resource
     * @param managed  whether a limits file's apply wrote it
     */
    public record Live(Resource resource, boolean managed) {
    }

    /** Copies the map, sorted by address. */
    public LiveState {
        resources = Map.copyOf(resources);
    }

    /** Reads the live state of {@code namespace} from {@code table} (strongly consistent where possible). */
    public static LiveState read(DynamoDbAsyncClient client, String table, String namespace) {
        Map<String, Live> resources = new TreeMap<>();
        IndexQuery index = new IndexQuery(client, table);
        for (Map<String, AttributeValue> item : Futures.join(index.all(Keys.entitiesIndexPk(namespace), ""))) {
            add(resources, decoded(item, () -> new Resource.EntityResource(EntityItems.decode(item))), item);
        }
        for (Map<String, AttributeValue> item : Futures.join(index.all(Keys.configsIndexPk(namespace), ""))) {
            add(resources, decoded(item, () -> new Resource.Config(ConfigItems.scopeOf(item),
                    ConfigItems.decode(item))), item);
        }
        Map<String, AttributeValue> settings = Futures.join(Unavailable.map("GetItem", table,
                client.getItem(GetItemRequest.builder().tableName(table)
                        .key(Keys.settings(namespace).toAttributes()).consistentRead(true).build()),
                GetItemResponse::item));
        ConfigItems.policyOf(settings).ifPresent(policy -> add(resources, new Resource.Settings(policy), settings));
        return new LiveState(namespace, resources, fingerprint(resources));
    }

    /** {@code decode} of {@code item}, or an error naming the item's key, so a corrupt item is never skipped. */
    private static Resource decoded(Map<String, AttributeValue> item, java.util.function.Supplier<Resource> decode) {
        try {
            return decode.get();
        } catch (RuntimeException corrupt) {
            throw new IllegalStateException("corrupt item " + text(item, Attributes.PK) + " / "
                    + text(item, Attributes.SK) + " in the table: " + corrupt.getMessage() + "; fix or delete it "
                    + "(e.g. 'limiter entity delete' or the library's configs().delete) and plan again", corrupt);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "?" : value.s();
    }

    /** The live resources as a list, sorted by address. */
    public List<Live> list() {
        return new TreeMap<>(resources).values().stream().toList();
    }

    private static void add(Map<String, Live> resources, Resource resource, Map<String, AttributeValue> item) {
        resources.put(resource.address(), new Live(resource, item.containsKey(Attributes.MANAGED)));
    }

    private static String fingerprint(Map<String, Live> resources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(resources).forEach((address, live) -> digest.update((address + '|' + live.managed() + '|'
                    + new TreeMap<>(live.resource().attributes()) + '\n').getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }
}
