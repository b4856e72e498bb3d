package dev.baton.channel.web;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A store's web page on an origin of its own (127.0.0.1 on another port, where Baton runs on localhost), with the
 * widget's script tag pasted in as a store owner would, and loud CSS of its own that must not reach the widget.
 * {@code /} is the home page, {@code /product} a second page of the same store.
 */
public final class StorePage implements AutoCloseable {

    private final HttpServer server;

    public StorePage(int batonPort, String publicKey) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String script = "<script src=\"http://localhost:" + batonPort + "/widget/baton-chat.js\" data-key=\""
                + publicKey + "\" async></script>";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean known = path.equals("/") || path.equals("/product");
            byte[] body = (known ? page(path.equals("/") ? "Trail shoes and more" : "Ridgeline Trail Runner", script)
                    : "not found").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String page(String heading, String script) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Northwind Outfitters</title>
                <style>
                  body { margin: 0; font: 18px Georgia, serif; color: #3b2f2f; background: #fbf6ee; }
                  header { background: #2f4f3a; color: #fff; padding: 18px 32px; font-size: 24px; }
                  main { padding: 32px; display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; }
                  .product { background: #fff; border: 1px solid #e5d9c5; padding: 16px; height: 220px; }
                  @media (max-width: 600px) { main { grid-template-columns: 1fr; } }
                  /* a store's own rules, as broad as they come: none of them may reach the chat widget */
                  button { background: #ff0000 !important; border: 4px dashed #000; font-family: "Comic Sans MS", cursive; }
                  div { letter-spacing: 3px; }
                  textarea { background: yellow; }
                  p { text-transform: uppercase; }
                </style></head>
                <body>
                <header>Northwind Outfitters</header>
                <h1 style="padding: 0 32px">%s</h1>
                <main>
                  <div class="product"><p>Ridgeline Trail Runner</p><button id="add">Add to cart</button></div>
                  <div class="product"><p>Cirrus Packable Down Jacket</p></div>
                  <div class="product"><p>Beacon 350 Rechargeable Headlamp</p></div>
                </main>
                %s
                </body></html>
                """.formatted(heading, script);
    }
}
