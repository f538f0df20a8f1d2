package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The adapters as {@link HttpAdapters} builds them from Spring Boot's {@code RestClient.Builder}: each
 * call to the outside world is an {@code http.client.requests} timer, tagged by URI template.
 */
class HttpAdaptersTest {

  private final OutsideWorldStub outside = new OutsideWorldStub();

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
          HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class, ObservationAutoConfiguration.class,
          MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
          SimpleMetricsExportAutoConfiguration.class, HttpClientObservationsAutoConfiguration.class))
      .withUserConfiguration(HttpAdapters.class)
      // What SpringApplication sets up: "PT5S" to a Duration, "a,b" to a List.
      .withInitializer(app -> app.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
      .withPropertyValues(
          "collections.sms.provider=http",
          "collections.sms.http.url=" + outside.smsUrl(),
          "collections.wecom.provider=http",
          "collections.wecom.api.url=" + outside.baseUrl(),
          "collections.wecom.corp-id=ww-corp",
          "collections.wecom.api.secret=contact-secret",
          "collections.wecom.api.contact-users=agent1");

  @AfterEach
  void stop() {
    outside.close();
  }

  @Test
  void eachCallIsTimedAsHttpClientRequestsByUriTemplateWithoutTheSecret() {
    context.run(app -> {
      app.getBean(SmsGateway.class).send("sms-1", "L-1", "13812345678", "text");
      app.getBean(WeComClient.class).createContactWay("L-1", "cstate1");
      outside.failing(true);
      try {
        app.getBean(SmsGateway.class).send("sms-2", "L-1", "13812345678", "text");
      } catch (HttpSmsGateway.SmsNotSent expected) {
        // a refusal is timed too, with its status
      }

      MeterRegistry registry = app.getBean(MeterRegistry.class);
      Collection<Timer> timers = registry.find("http.client.requests").timers();
      assertThat(timers).extracting(t -> t.getId().getTag("uri") + " " + t.getId().getTag("method") + " "
          + t.getId().getTag("status") + " " + t.count())
          .containsExactlyInAnyOrder(
              "none POST 200 1",
              "none POST 500 1",
              "/cgi-bin/gettoken?corpid={corpId}&corpsecret={secret} GET 200 1",
              "/cgi-bin/externalcontact/add_contact_way?access_token={token} POST 200 1");
      assertThat(timers).flatExtracting(t -> t.getId().getTags()).extracting(Tag::getValue)
          .contains("127.0.0.1")
          .noneMatch(value -> value.contains("contact-secret") || value.contains("token-1"));
    });
  }
}
