package dev.limiter.cli.status;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A limit's local allowance as {@code explain} shows it: the setting, the most tokens one process may hold, and the
 * fleet-wide admission bound it implies, {@code capacity + rate * (w + maxHold)} over any window {@code w} (see
 * {@link LocalAllowance}). The CLI itself never runs the local tier, so it never holds an allowance.
 */
final class LocalAllowanceView {

    /** Said once under the limits when any of them has an allowance. */
    static final String NOT_HELD_HERE = "The limiter CLI serves nothing locally: it holds no allowance itself; "
            + "the allowances above are what each process with the local tier on may hold.";

    private LocalAllowanceView() {
    }

    /** One line in words, e.g. {@code rpm: each process may hold up to 10 tokens (10% of capacity) ...}. */
    static String line(Limit limit) {
        LocalAllowance local = limit.local();
        return limit.name() + ": local allowance: each process may hold up to " + local.maxTokens(limit) + " tokens ("
                + percent(local.maxShare()) + " of capacity) for at most " + Units.period(local.maxHold())
                + "; over any window w the fleet admits at most " + bound(limit);
    }

    /** The bound in words: {@code 100 + 100/1m x (w + 1s) tokens}. */
    static String bound(Limit limit) {
        return limit.capacity() + " + " + limit.refillAmount() + "/" + Units.period(limit.refillPeriod()) + " x (w + "
                + Units.period(limit.local().maxHold()) + ") tokens";
    }

    /** The JSON form: {@code enabled}, and when on the setting, the token ceiling, the bound and what the CLI holds. */
    static Map<String, Object> document(Limit limit) {
        LocalAllowance local = limit.local();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("enabled", local.enabled());
        if (local.enabled()) {
            entry.put("max_share", BigDecimal.valueOf(local.maxShare()).stripTrailingZeros());
            entry.put("max_hold", Units.period(local.maxHold()));
            entry.put("max_tokens_per_process", local.maxTokens(limit));
            entry.put("fleet_bound", "capacity + rate * (w + max_hold) = " + bound(limit));
            entry.put("held_by_this_process", 0);
        }
        return entry;
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
    }
}
