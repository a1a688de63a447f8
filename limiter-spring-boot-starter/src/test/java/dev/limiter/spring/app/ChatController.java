package dev.limiter.spring.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calls {@link ChatService} over HTTP. */
@RestController
public class ChatController {

    private final ChatService chat;

    ChatController(ChatService chat) {
        this.chat = chat;
    }

    @GetMapping("/chat")
    String chat(@RequestParam String user, @RequestParam(defaultValue = "1") int tokens) {
        return chat.complete(user, tokens);
    }

    @GetMapping("/fail")
    String fail(@RequestParam String user) {
        return chat.fail(user);
    }
}
