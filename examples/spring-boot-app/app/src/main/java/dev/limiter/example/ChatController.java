package dev.limiter.example;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /chat?user=alice&prompt=hello}: a rate-limited completion. */
@RestController
public class ChatController {

    private final CompletionService completions;

    /** A controller over {@code completions}. */
    public ChatController(CompletionService completions) {
        this.completions = completions;
    }

    /** Completes {@code prompt} for {@code user}; 429 with Retry-After and RateLimit fields when over a limit. */
    @GetMapping("/chat")
    public String chat(@RequestParam String user, @RequestParam(defaultValue = "hello") String prompt) {
        return completions.complete(user, prompt);
    }
}
