package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OutageLogTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void anOutageIsSaidOncePerIntervalAndItsEndOnce(CapturedOutput output) {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                "io.policyauth.test.outages");
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        OutageLog outages = new OutageLog(logger, "the store at db.example:27017", Duration.ofSeconds(30), clock);
        ConnectException refused = new ConnectException("Connection refused");

        outages.succeeded();
        outages.failed(new IllegalStateException("wrapped", refused));
        outages.failed(refused);
        now.set(now.get().plusSeconds(29));
        outages.failed(refused);
        assertThat(output.getAll()).containsOnlyOnce("the store at db.example:27017 cannot be used (connection refused)");

        now.set(now.get().plusSeconds(2));
        outages.failed(refused);
        assertThat(output.getAll().split("cannot be used", -1)).hasSize(3);
        outages.succeeded();
        outages.succeeded();
        assertThat(output.getAll()).containsOnlyOnce("the store at db.example:27017 answers again");
    }
}
