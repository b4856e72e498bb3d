package dev.baton.knowledge.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTermsTests {

    @Test
    void keepsTheWordsThatCarryTheQuestionInEachLanguage() {
        assertThat(QueryTerms.of("Can I return shoes I bought last month?")).containsExactly("return", "shoes", "bought", "last", "month");
        assertThat(QueryTerms.of("¿Puedo devolver los zapatos?")).containsExactly("puedo", "devolver", "zapatos");
        assertThat(QueryTerms.of("berapa harga sepatu yang hitam")).containsExactly("harga", "sepatu", "hitam");
        assertThat(QueryTerms.of("Czy mogę zwrócić buty w sklepie?")).containsExactly("zwrócić", "buty", "sklepie");
        assertThat(QueryTerms.of("можно ли вернуть обувь")).contains("вернуть", "обувь").doesNotContain("ли");
    }

    @Test
    void dropsOperatorsAndKeepsSkusAndNumbers() {
        assertThat(QueryTerms.of("NW-RTRM-10 | size 10 & (black)!")).containsExactly("nw", "rtrm", "10", "size", "black");
        assertThat(QueryTerms.of("???")).isEmpty();
    }
}
