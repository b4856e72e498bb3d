package dev.baton.handover.internal;

public class EmbedSpeedProbe {
    public static void main(String[] args) {
        var e = TestHandoverRules.embeddings();
        String[] texts = {"my order arrived broken and nobody answers my emails", "can I pay with paypal?",
            "@XboxSupport my xbox won't turn on after the update, this is the third time this month!!", "hi"};
        for (int i = 0; i < 200; i++) e.embed(texts[i % 4]);
        long[] t = new long[400];
        for (int i = 0; i < 400; i++) { long s = System.nanoTime(); e.embed(texts[i % 4] + i); t[i] = System.nanoTime() - s; }
        java.util.Arrays.sort(t);
        System.out.printf("embed p50 %.2f ms p95 %.2f ms%n", t[200] / 1e6, t[380] / 1e6);
        var c = TestHandoverRules.classifier();
        for (int i = 0; i < 2000; i++) c.classify(texts[i % 4] + i);
        for (int i = 0; i < 400; i++) { long s = System.nanoTime(); c.classify(texts[i % 4] + i); t[i] = System.nanoTime() - s; }
        java.util.Arrays.sort(t);
        System.out.printf("classify p50 %.3f ms p95 %.3f ms loaded=%s%n", t[200] / 1e6, t[380] / 1e6, c.loaded());
    }
}
