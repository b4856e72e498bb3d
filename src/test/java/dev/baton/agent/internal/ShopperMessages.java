package dev.baton.agent.internal;

import java.util.List;
import java.util.Map;

/** Shoppers' messages as they come, written per language for the language detection tests and benchmark. */
final class ShopperMessages {

    static final Map<Language, List<String>> IN_SIX = Map.of(
            Language.EN, List.of(
                    "hi",
                    "where is my order",
                    "thanks!",
                    "good morning",
                    "yes please",
                    "Do you have this jacket in size M?",
                    "How much is shipping to Canada?",
                    "Can I return the shoes if they don't fit?",
                    "hello, is the blue backpack still in stock?",
                    "I ordered two tents last week and only one arrived",
                    "what's the price of the hiking boots",
                    "can i pay with paypal",
                    "my order #1001 hasn't arrived yet",
                    "is it in stock?",
                    "free shipping?"),
            Language.ES, List.of(
                    "hola",
                    "gracias",
                    "¿cuánto cuesta?",
                    "¿Tienen esta chaqueta en talla M?",
                    "dónde está mi pedido",
                    "quiero devolver las botas, me quedan pequeñas",
                    "buenas tardes, hacen envíos a México?",
                    "cuanto tarda el envio",
                    "me interesa la mochila azul, todavía hay stock?",
                    "sí, por favor",
                    "puedo pagar con tarjeta?",
                    "el pedido #1001 todavía no llegó",
                    "buenas noches",
                    "mi pedido no llegó"),
            Language.PT, List.of(
                    "olá",
                    "obrigado",
                    "Qual o prazo de entrega?",
                    "vocês têm essa jaqueta no tamanho M?",
                    "quanto custa o frete para São Paulo?",
                    "cadê meu pedido",
                    "quero trocar o tênis, ficou pequeno",
                    "bom dia, a mochila azul ainda tem em estoque?",
                    "posso pagar com pix?",
                    "meu pedido ainda não chegou",
                    "sim, por favor",
                    "obrigada pela ajuda",
                    "boa noite",
                    "quanto tempo demora a entrega"),
            Language.RU, List.of(
                    "привет",
                    "спасибо",
                    "Где мой заказ?",
                    "Сколько стоит доставка в Москву?",
                    "есть ли эта куртка в размере M?",
                    "хочу вернуть ботинки, они малы",
                    "добрый день",
                    "да",
                    "можно оплатить картой?",
                    "заказ #1001 до сих пор не пришёл",
                    "privet, skolko stoit dostavka?"),
            Language.ID, List.of(
                    "halo kak, jaket ini ready?",
                    "berapa harganya?",
                    "makasih",
                    "pesanan saya sudah sampai mana?",
                    "kak, sepatu ukuran 42 masih ada?",
                    "bisa kirim ke Surabaya?",
                    "mau retur dong, ukurannya kekecilan",
                    "ongkirnya berapa kak",
                    "gak jadi deh",
                    "iya kak",
                    "selamat pagi",
                    "bisa bayar pakai transfer bank?",
                    "ready stock kak?",
                    "free ongkir gak?",
                    "size M ada?"),
            Language.PL, List.of(
                    "dzień dobry",
                    "dzięki",
                    "Ile kosztuje ten plecak?",
                    "gdzie jest moje zamówienie?",
                    "czy macie tę kurtkę w rozmiarze M?",
                    "chcę zwrócić buty, są za małe",
                    "jak długo trwa dostawa?",
                    "cześć",
                    "tak, poproszę",
                    "czy mogę zapłacić kartą?",
                    "kiedy wysylka",
                    "ile kosztuje wysylka do Krakowa"));

    /** In none of the six: the agent answers these in the account's default language. */
    static final List<String> FOREIGN = List.of(
            "Wo ist meine Bestellung?",
            "Haben Sie diese Jacke in Größe M?",
            "Wie viel kostet der Versand nach Berlin?",
            "Où est ma commande ?",
            "Combien coûte la livraison ?",
            "Bonjour, je voudrais savoir si la veste est disponible",
            "Dov'è il mio ordine?",
            "Quanto costa la spedizione?",
            "Buongiorno, vorrei sapere se la giacca è disponibile",
            "我的订单在哪里？",
            "这件夹克多少钱？",
            "注文はどこですか？",
            "このジャケットはいくらですか？",
            "Де моє замовлення?",
            "주문은 어디에 있나요?");

    /** No language at all. */
    static final List<String> NEUTRAL = List.of(
            "#1001", "ok", "OK 👍", "👍", "🙏🙏", "jane@example.com", "42", "???", "",
            "https://shop.example.com/products/trail-jacket-42", "M");

    /**
     * Written after the thresholds and word lists were set, and not tuned on since: what the detector gets right on
     * messages it was not fitted to. Known misses (5 of 88): "nevermind", "es impermeable?" and "o zíper quebrou"
     * (nothing to go on: no listed word, no telling letter, the model unsure), "min, ready?" (Indonesian read as
     * English) and "super" (Polish, but said in many languages).
     */
    static final List<Labelled> WRITTEN_AFTER_TUNING = List.of(
            in(Language.EN, "hey there"), in(Language.EN, "thank you so much"),
            in(Language.EN, "do you ship to the UK?"), in(Language.EN, "i need a bigger size"),
            in(Language.EN, "the zipper broke after one week"), in(Language.EN, "any discount codes?"),
            in(Language.EN, "is this waterproof"), in(Language.EN, "cancel my order please"),
            in(Language.EN, "when will it be back in stock"), in(Language.EN, "nevermind"),
            in(Language.EN, "great, thanks"), in(Language.EN, "can I change the delivery address?"),
            in(Language.ES, "buenos días"), in(Language.ES, "necesito cambiar la dirección de envío"),
            in(Language.ES, "tienen descuento?"), in(Language.ES, "el cierre se rompió"),
            in(Language.ES, "cuándo vuelve a haber stock"), in(Language.ES, "no me llegó nada"),
            in(Language.ES, "muchas gracias!"), in(Language.ES, "vale, perfecto"),
            in(Language.ES, "es impermeable?"), in(Language.ES, "quiero cancelar mi pedido"),
            in(Language.ES, "hacen envios a Chile"), in(Language.ES, "que talla me recomiendas"),
            in(Language.PT, "oi, tudo bem?"), in(Language.PT, "preciso de um tamanho maior"),
            in(Language.PT, "vocês entregam em Portugal?"), in(Language.PT, "o zíper quebrou"),
            in(Language.PT, "tem cupom de desconto?"), in(Language.PT, "é impermeável?"),
            in(Language.PT, "quero cancelar meu pedido"), in(Language.PT, "quando volta ao estoque"),
            in(Language.PT, "valeu!"), in(Language.PT, "beleza, obrigado"),
            in(Language.PT, "posso mudar o endereço de entrega?"), in(Language.PT, "qual tamanho você recomenda"),
            in(Language.RU, "здравствуйте"), in(Language.RU, "нужен размер побольше"),
            in(Language.RU, "молния сломалась через неделю"), in(Language.RU, "есть скидки?"),
            in(Language.RU, "хочу отменить заказ"), in(Language.RU, "ок, спасибо"),
            in(Language.RU, "когда будет в наличии"), in(Language.RU, "а в Казахстан доставляете?"),
            in(Language.ID, "kak mau tanya"), in(Language.ID, "ada diskon gak?"),
            in(Language.ID, "resletingnya rusak kak"), in(Language.ID, "kapan restock?"),
            in(Language.ID, "bisa ganti alamat pengiriman?"), in(Language.ID, "oke kak makasih banyak"),
            in(Language.ID, "ini anti air ga?"), in(Language.ID, "saya mau batalin pesanan"),
            in(Language.ID, "ukuran L masih ada kak?"), in(Language.ID, "kirim ke Medan berapa lama?"),
            in(Language.ID, "siap kak"), in(Language.ID, "min, ready?"),
            in(Language.PL, "hej, mam pytanie"), in(Language.PL, "potrzebuję większego rozmiaru"),
            in(Language.PL, "zamek się zepsuł po tygodniu"), in(Language.PL, "macie jakieś kody rabatowe?"),
            in(Language.PL, "czy to jest wodoodporne"), in(Language.PL, "chce anulowac zamowienie"),
            in(Language.PL, "kiedy bedzie dostepne"), in(Language.PL, "dziekuje bardzo"),
            in(Language.PL, "ok, dzięki"), in(Language.PL, "wysyłacie do Niemiec?"),
            in(Language.PL, "jaki rozmiar polecacie"), in(Language.PL, "super"),
            foreign("Danke schön"), foreign("Ist die Jacke wasserdicht?"),
            foreign("Ich möchte meine Bestellung stornieren"), foreign("merci beaucoup"),
            foreign("Je voudrais annuler ma commande"), foreign("C'est imperméable ?"),
            foreign("grazie mille"), foreign("Vorrei annullare il mio ordine"), foreign("È impermeabile?"),
            foreign("Bedankt!"), foreign("Ik wil mijn bestelling annuleren"),
            foreign("Teşekkürler, siparişim nerede?"), foreign("谢谢"), foreign("ありがとうございます"),
            foreign("감사합니다"), foreign("شكرا، أين طلبي؟"), foreign("Дякую, де моє замовлення?"),
            foreign("Ευχαριστώ"), foreign("cảm ơn, đơn hàng của tôi đâu?"), foreign("Tack så mycket"));

    /** A message and its language; {@code null} for none of the six. */
    record Labelled(Language language, String text) {
    }

    private static Labelled in(Language language, String text) {
        return new Labelled(language, text);
    }

    private static Labelled foreign(String text) {
        return new Labelled(null, text);
    }

    private ShopperMessages() {
    }
}
