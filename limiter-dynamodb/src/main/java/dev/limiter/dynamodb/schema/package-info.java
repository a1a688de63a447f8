/**
 * The table layout: keys, short attribute names and the codecs between items and limiter values. Public for the
 * other packages of this module and for the Lambdas; not a compatibility promise.
 *
 * <h2>Items</h2>
 * One table, string keys {@code pk}/{@code sk}, every key starting with the namespace and {@code #} (identifiers
 * can never contain {@code #}, so no key can be forged by an identifier):
 * <ul>
 *   <li>bucket: {@code pk = ns#B#entity#resource}, {@code sk = B}; per limit {@code n}: {@code t_n} (TAT, epoch
 *       nanoseconds), {@code c_n} (net tokens consumed), {@code p_n} (parameters
 *       {@code capacity:refillAmount:periodNanos}); {@code l} (last lease or settlement token, for duplicate
 *       detection), {@code ttl} (epoch seconds, garbage collection only). A bucket item is on its own partition
 *       and in no index.</li>
 *   <li>entity: {@code pk = ns#E#entity}, {@code sk = E}; {@code par}, {@code cas}, {@code dn}, {@code md}.</li>
 *   <li>entity configuration: {@code pk = ns#E#entity}, {@code sk = CD} (entity default) or {@code CR#resource}.</li>
 *   <li>namespace and resource configuration: {@code pk = ns#C}, {@code sk = N} or {@code R#resource}.</li>
 *   <li>usage snapshot (written by {@code dev.limiter.dynamodb.usage}): {@code pk = ns#U#entity},
 *       {@code sk = H#start#resource} (hourly) or {@code D#start#resource} (daily), {@code start} being the
 *       window start in ISO-8601 UTC ({@code 2026-01-01T13:00:00Z}); {@code rq} (requests), {@code a_n} (net tokens
 *       of limit {@code n}), {@code ws}/{@code we} (window start/end, epoch seconds), the applied stream records
 *       ({@code wl}/{@code wm}: first and last sequence number of the last run, 40 digits; {@code wb}/{@code wf}:
 *       state fingerprints before and after it; {@code rg}: earlier runs; {@code wv}: write counter), {@code ttl};
 *       in {@code gsi1} as {@code g1pk = ns#UR#resource#H} (or
 *       {@code #D}), {@code g1sk = start#entity}.</li>
 * </ul>
 * Entities, configurations and usage snapshots also carry {@code g1pk}/{@code g1sk} for the sparse index
 * {@code gsi1}, which lists a namespace's entities (by parent), configurations and a resource's usage.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.dynamodb.schema;
