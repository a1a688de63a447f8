package dev.limiter.example;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "limiter.limits.requests.per=1d") // no refill during the test
@AutoConfigureMockMvc
class ExampleApplicationTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void chat_sixthRequestInAMinute_isAnswered429() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/chat").param("user", "bob")).andExpect(status().isOk())
                    .andExpect(header().exists("RateLimit"));
        }

        mvc.perform(get("/chat").param("user", "bob")).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }
}
