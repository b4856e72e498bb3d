package dev.baton.account;

import dev.baton.BatonApplication;
import dev.baton.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start creates the first account with its owner 'admin'; later starts create nothing. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapTests {

    private static final Pattern GENERATED_KEY = Pattern.compile("Generated API key \\(shown only now\\): (\\S+)");
    private static final Pattern GENERATED_PASSWORD = Pattern.compile("Generated password for 'admin' \\(shown only now\\): (\\S+)");

    @Test
    void givenKeyAndPasswordBecomeTheFirstAccountsCredentials(CapturedOutput output) {
        Path dataDir = TestStorage.newDataDir();
        try (var app = start(dataDir, "--baton.bootstrap.api-key=given-key-123", "--baton.bootstrap.password=given-pass")) {
            assertThat(statusWithKey(app, "given-key-123")).isEqualTo(HttpStatus.OK);
            assertThat(statusWithKey(app, "some-other-key")).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(adminPasswordMatches(app, "given-pass")).isTrue();
            assertThat(jdbc(app).sql("select role from app_user where username = 'admin'").query(String.class).single())
                    .isEqualTo("OWNER");
        }
        assertThat(output.getOut()).doesNotContain("shown only now").doesNotContain("given-key-123");
    }

    @Test
    void withoutThemRandomOnesArePrintedOnceAndWork(CapturedOutput output) {
        Path dataDir = TestStorage.newDataDir();
        String key;
        String password;
        try (var app = start(dataDir)) {
            key = find(GENERATED_KEY, output.getOut());
            password = find(GENERATED_PASSWORD, output.getOut());
            assertThat(statusWithKey(app, key)).isEqualTo(HttpStatus.OK);
            assertThat(adminPasswordMatches(app, password)).isTrue();
            assertThat(jdbc(app).sql("select key_hash from api_key").query(String.class).single())
                    .as("only a hash of the key is stored").isNotEqualTo(key).hasSize(64);
        }
        int printedAfterFirstStart = output.getOut().length();
        try (var app = start(dataDir)) {
            assertThat(statusWithKey(app, key)).isEqualTo(HttpStatus.OK);
            assertThat(jdbc(app).sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
        }
        assertThat(output.getOut().substring(printedAfterFirstStart)).doesNotContain("shown only now");
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--baton.data-dir=" + dataDir;
        args[2] = "--baton.bootstrap.demo-store=false";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return new SpringApplicationBuilder(BatonApplication.class).run(args);
    }

    private static HttpStatus statusWithKey(ConfigurableApplicationContext app, String key) {
        return (HttpStatus) RestClient.builder()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build().get().uri("/api/v1/knowledge/sources").header("Authorization", "Bearer " + key)
                .retrieve().toBodilessEntity().getStatusCode();
    }

    private static boolean adminPasswordMatches(ConfigurableApplicationContext app, String password) {
        String hash = jdbc(app).sql("select password_hash from app_user where username = 'admin'")
                .query(String.class).single();
        return app.getBean(PasswordEncoder.class).matches(password, hash);
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext app) {
        return JdbcClient.create(app.getBean(DataSource.class));
    }

    private static String find(Pattern pattern, String log) {
        Matcher matcher = pattern.matcher(log);
        assertThat(matcher.find()).as("log line " + pattern).isTrue();
        return matcher.group(1);
    }
}
