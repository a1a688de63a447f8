package dev.limiter.cli.demo;

import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.testkit.ForwardingBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A broken backend for tests: where the in-memory backend would reject a charge, it grants it without writing
 * anything, so limits let through more than they allow. The demo's checks must catch it.
 */
final class OverAdmittingBackend extends ForwardingBackend {

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return delegate().charge(request).thenCompose(outcome -> {
            if (outcome.granted()) {
                return CompletableFuture.completedFuture(outcome);
            }
            List<BucketKey> keys = new ArrayList<>();
            for (BucketCharge bucket : request.buckets()) {
                keys.add(bucket.key());
            }
            return delegate().read(keys).thenApply((List<BucketSnapshot> read) -> new ChargeOutcome(true, read));
        });
    }
}
