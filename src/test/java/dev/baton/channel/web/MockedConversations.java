package dev.baton.channel.web;

import dev.baton.channel.ConversationGateway;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a mock in front of the conversation module for the channel adapters (the widget's endpoints among them),
 * while the module itself, and whatever injects it by its own type, stays as it is.
 */
@TestConfiguration(proxyBeanMethods = false)
class MockedConversations {

    @Bean
    @Primary
    ConversationGateway mockedConversationGateway() {
        return Mockito.mock(ConversationGateway.class);
    }
}
