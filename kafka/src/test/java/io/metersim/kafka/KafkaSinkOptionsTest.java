package io.metersim.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class KafkaSinkOptionsTest
{
    @Test
    void shouldDefaultToAnIdempotentLz4ProducerWithAllAcks()
    {
        final Properties producer = ClientSettings.producer(KafkaSinkOptions.defaults("127.0.0.1:9092"));

        assertEquals("all", producer.get("acks"));
        assertEquals("true", producer.get("enable.idempotence"));
        assertEquals("lz4", producer.get("compression.type"));
        assertEquals("5", producer.get("max.in.flight.requests.per.connection"));
        assertEquals("10", producer.get("linger.ms"));
        assertEquals("262144", producer.get("batch.size"));
        assertEquals("120000", producer.get("delivery.timeout.ms"));
        assertEquals("120000", producer.get("max.block.ms"));
        assertEquals(null, producer.get("transactional.id"));
    }

    @Test
    void shouldNameTheTransactionalIdAfterTheTopic()
    {
        final Properties producer = ClientSettings.producer(KafkaSinkOptions.defaults("b:9092").withTopic("t1")
            .withTransactions(true, ""));

        assertEquals("metersim-t1", producer.get("transactional.id"));
        assertEquals("180000", producer.get("transaction.timeout.ms"));
        assertEquals("own", ClientSettings.producer(KafkaSinkOptions.defaults("b:9092")
            .withTransactions(true, "own")).get("transactional.id"));
    }

    @Test
    void shouldApplyFurtherSettingsLastAndShareOnlyCommonOnesWithTheAdminClient()
    {
        final KafkaSinkOptions options = KafkaSinkOptions.defaults("b:9092")
            .withProperties(Map.of("linger.ms", "50", "security.protocol", "SSL", "compression.type", "gzip"));

        assertEquals("50", ClientSettings.producer(options).get("linger.ms"));
        assertEquals("gzip", ClientSettings.producer(options).get("compression.type"));
        assertEquals("SSL", ClientSettings.admin(options).get("security.protocol"));
        assertEquals(null, ClientSettings.admin(options).get("linger.ms"));
    }

    @Test
    void shouldRefuseSettingsTheSinkOwns()
    {
        final KafkaSinkException ex = assertThrows(KafkaSinkException.class,
            () -> KafkaSinkOptions.defaults("b:9092").withProperties(Map.of("acks", "1")));
        assertEquals("the Kafka sink sets this client setting itself [property=acks]", ex.getMessage());
    }

    @Test
    void shouldRefuseCodecsThatAreNotShipped()
    {
        final KafkaSinkException ex = assertThrows(KafkaSinkException.class,
            () -> KafkaSinkOptions.defaults("b:9092").withProperties(Map.of("compression.type", "zstd")));
        assertEquals("compression codec not shipped; use lz4, gzip or none [compression.type=zstd]",
            ex.getMessage());
    }

    @Test
    void shouldRefuseValuesOutOfRange()
    {
        assertEquals("invalid Kafka sink option [topic=a b]", assertThrows(KafkaSinkException.class,
            () -> KafkaSinkOptions.defaults("b:9092").withTopic("a b")).getMessage());
        assertEquals("invalid Kafka sink option [bootstrap= ]", assertThrows(KafkaSinkException.class,
            () -> KafkaSinkOptions.defaults(" ")).getMessage());
        assertEquals("invalid Kafka sink option [deliveryTimeout=PT0.5S]", assertThrows(KafkaSinkException.class,
            () -> KafkaSinkOptions.defaults("b:9092").withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)))
            .getMessage());
    }
}
