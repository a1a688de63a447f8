package dev.limiter.example;

import dev.limiter.spring.RateLimited;
import org.springframework.stereotype.Service;

/** A stand-in for a language model: each completion costs one request and its prompt's tokens. */
@Service
public class CompletionService {

    /** Completes {@code prompt} for {@code user}: one of {@code requests}, the prompt's length of {@code tokens}. */
    @RateLimited(entity = "#user", resource = "'chat'", consume = {
            @RateLimited.Consume(limit = "requests"),
            @RateLimited.Consume(limit = "tokens", amount = "#prompt.length()")})
    public String complete(String user, String prompt) {
        return "echo for " + user + ": " + prompt;
    }
}
