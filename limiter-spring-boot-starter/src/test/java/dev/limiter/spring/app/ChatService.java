package dev.limiter.spring.app;

import dev.limiter.spring.RateLimited;
import org.springframework.stereotype.Service;

import java.util.concurrent.CompletableFuture;

/** Rate-limited methods in the shapes the starter supports. */
@Service
public class ChatService {

    @RateLimited(entity = "#user", resource = "'chat'", consume = {
            @RateLimited.Consume(limit = "requests"),
            @RateLimited.Consume(limit = "tokens", amount = "#tokens")})
    public String complete(String user, int tokens) {
        return "ok " + user;
    }

    @RateLimited(entity = "#user", resource = "'fail'")
    public String fail(String user) {
        throw new IllegalStateException("model failed for " + user);
    }

    @RateLimited(entity = "#p0", resource = "'async'", maxWait = "30s")
    public CompletableFuture<String> completeAsync(String user, boolean succeed) {
        return succeed ? CompletableFuture.completedFuture("ok " + user)
                : CompletableFuture.failedFuture(new IllegalStateException("async failure"));
    }

    @RateLimited(entity = "#p0", resource = "'async'")
    public CompletableFuture<String> completeAsyncNoWait(String user) {
        return CompletableFuture.completedFuture("ok " + user);
    }

    @RateLimited(entity = "#p0", resource = "#root.method.name + '.' + #root.target.class.simpleName")
    public String rootNamed(String user) {
        return user;
    }

    @RateLimited(entity = "#user.missing", resource = "'chat'")
    public String broken(String user) {
        return user;
    }
}
