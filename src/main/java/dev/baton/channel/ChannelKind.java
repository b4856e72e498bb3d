package dev.baton.channel;

/** The kinds of channel Baton talks through. */
public enum ChannelKind {
    /** The chat bubble a store pastes into its pages; replies are read by the widget. */
    WEB_CHAT,
    /** WhatsApp Business through Meta's Cloud API. */
    WHATSAPP,
    /** A host CRM or a custom front end: messages posted to the API, replies posted to its callback URL. */
    REST
}
