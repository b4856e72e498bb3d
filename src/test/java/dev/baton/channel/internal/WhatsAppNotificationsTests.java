package dev.baton.channel.internal;

import dev.baton.channel.ContactDetails;
import dev.baton.channel.DeliveryStatus;
import dev.baton.channel.InboundMessage;
import dev.baton.channel.WhatsAppPayloads;
import dev.baton.shared.BatonException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Reading Meta's notifications: messages, statuses, other phone numbers, and bodies that are not Meta's JSON. */
class WhatsAppNotificationsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final UUID ACCOUNT = UUID.randomUUID();
    static final UUID CHANNEL = UUID.randomUUID();
    static final String PHONE_NUMBER_ID = "106540352242922";

    static WhatsAppNotifications read(byte[] body) {
        return WhatsAppNotifications.read(JSON, body, ACCOUNT, CHANNEL, PHONE_NUMBER_ID);
    }

    @Test
    void aTextMessageBecomesAnInboundTextFromAVerifiedWhatsAppContact() {
        WhatsAppNotifications read = read(WhatsAppPayloads.to(PHONE_NUMBER_ID)
                .text("16505551234", "Sheena Nelson", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRB", "Does it come in blue?")
                .bytes());

        assertThat(read.messages()).containsExactly(InboundMessage.text(ACCOUNT, CHANNEL,
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRB",
                new ContactDetails("16505551234", "Sheena Nelson", "16505551234", null, true), "Does it come in blue?"));
        assertThat(read.statuses()).isEmpty();
    }

    @Test
    void imagesStickersAudioAndLocationsAreNamedAsUnsupportedTypes() {
        WhatsAppNotifications read = read(WhatsAppPayloads.to(PHONE_NUMBER_ID)
                .media("16505551234", "Sheena Nelson", "wamid.image", "image")
                .media("16505551234", "Sheena Nelson", "wamid.sticker", "sticker")
                .media("16505551234", "Sheena Nelson", "wamid.audio", "audio")
                .location("16505551234", "Sheena Nelson", "wamid.location")
                .bytes());

        assertThat(read.messages()).extracting(InboundMessage::externalMessageId, InboundMessage::text,
                        InboundMessage::unsupportedType)
                .containsExactly(tuple("wamid.image", null, "image"),
                        tuple("wamid.sticker", null, "sticker"),
                        tuple("wamid.audio", null, "audio"),
                        tuple("wamid.location", null, "location"));
        assertThat(read.messages()).allMatch(message -> message.contact().externalId().equals("16505551234")
                && "Sheena Nelson".equals(message.contact().name()));
    }

    @Test
    void deliveredReadAndFailedStatusesAreReportedAndSentIsLeftToTheSender() {
        WhatsAppNotifications read = read(WhatsAppPayloads.to(PHONE_NUMBER_ID)
                .status("wamid.sent", "sent", "16505551234")
                .status("wamid.delivered", "delivered", "16505551234")
                .status("wamid.read", "read", "16505551234")
                .failed("wamid.failed", "16505551234", 131047, "Re-engagement message")
                .bytes());

        assertThat(read.messages()).isEmpty();
        assertThat(read.statuses()).containsExactly(
                new WhatsAppNotifications.StatusReport("wamid.delivered", DeliveryStatus.DELIVERED, null),
                new WhatsAppNotifications.StatusReport("wamid.read", DeliveryStatus.READ, null),
                new WhatsAppNotifications.StatusReport("wamid.failed", DeliveryStatus.FAILED,
                        "WhatsApp could not deliver the message: Re-engagement message (131047)"));
    }

    @Test
    void changesForAnotherPhoneNumberAreLeftOut() {
        WhatsAppNotifications read = read(WhatsAppPayloads.to("999999999999999")
                .text("16505551234", "Sheena Nelson", "wamid.other", "Hello")
                .status("wamid.delivered", "delivered", "16505551234")
                .bytes());

        assertThat(read.messages()).isEmpty();
        assertThat(read.statuses()).isEmpty();
    }

    @Test
    void aNotificationForAnotherKindOfObjectCarriesNothing() {
        String page = WhatsAppPayloads.to(PHONE_NUMBER_ID).text("16505551234", "Sheena", "wamid.page", "Hi").json()
                .replace("whatsapp_business_account", "page");

        assertThat(read(page.getBytes(StandardCharsets.UTF_8)).messages()).isEmpty();
    }

    @Test
    void reactionsAndSystemNoticesAreNotTheShoppersMessages() {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Sheena"},"wa_id":"16505551234"}],
                  "messages":[
                    {"from":"16505551234","id":"wamid.reaction","timestamp":"1","type":"reaction",
                     "reaction":{"message_id":"wamid.ours","emoji":"\\uD83D\\uDC4D"}},
                    {"from":"16505551234","id":"wamid.system","timestamp":"1","type":"system",
                     "system":{"body":"User changed their number","type":"user_changed_number"}}]}}]}]}
                """.formatted(PHONE_NUMBER_ID);

        assertThat(read(body.getBytes(StandardCharsets.UTF_8)).messages()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonOrNotMetasShapeIsABadRequest() {
        for (String body : new String[] {"{\"object\":", "", "null", "{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}"}) {
            assertThatThrownBy(() -> read(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body).isInstanceOf(BatonException.class)
                    .satisfies(e -> assertThat(((BatonException) e).status()).isEqualTo(400));
        }
    }
}
