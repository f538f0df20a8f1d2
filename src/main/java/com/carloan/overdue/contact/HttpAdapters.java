package com.carloan.overdue.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The SMS provider, the WeCom API and the dialler over HTTP, each when configured so ({@code provider=http}). Their
 * {@link RestClient}s come from Spring Boot's {@code RestClient.Builder}, so every call is an
 * {@code http.client.requests} observation (a timer at /actuator/prometheus, tagged with the URI
 * template, never a secret of its query).
 */
@Configuration(proxyBeanMethods = false)
class HttpAdapters {

  @Bean
  @ConditionalOnProperty(name = "collections.sms.provider", havingValue = "http")
  HttpSmsGateway httpSmsGateway(RestClient.Builder rest,
      @Value("${collections.sms.http.url:}") String url,
      @Value("${collections.sms.http.api-key:}") String apiKey,
      @Value("${collections.sms.http.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${collections.sms.http.timeout:PT10S}") Duration timeout) {
    return new HttpSmsGateway(restClient(rest, connectTimeout, timeout), url, apiKey);
  }

  @Bean
  @ConditionalOnProperty(name = "collections.wecom.provider", havingValue = "http")
  HttpWeComClient httpWeComClient(RestClient.Builder rest, ObjectMapper json,
      @Value("${collections.wecom.api.url}") String baseUrl,
      @Value("${collections.wecom.corp-id:}") String corpId,
      @Value("${collections.wecom.api.secret:}") String secret,
      @Value("${collections.wecom.api.contact-users:}") List<String> contactUsers,
      @Value("${collections.wecom.api.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${collections.wecom.api.timeout:PT10S}") Duration timeout) {
    return new HttpWeComClient(restClient(rest, connectTimeout, timeout), json, baseUrl, corpId, secret, contactUsers);
  }

  @Bean
  @ConditionalOnProperty(name = "collections.dialler.provider", havingValue = "http")
  HttpDialler httpDialler(RestClient.Builder rest,
      @Value("${collections.dialler.http.url:}") String url,
      @Value("${collections.dialler.http.api-key:}") String apiKey,
      @Value("${collections.dialler.http.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${collections.dialler.http.timeout:PT10S}") Duration timeout) {
    return new HttpDialler(restClient(rest, connectTimeout, timeout), url, apiKey);
  }

  /** The configured endpoint, as it is (not a URI template); a missing one stops the start with its property. */
  static URI requiredUrl(String url, String provider, String property) {
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(provider + " needs " + property);
    }
    return URI.create(url);
  }

  /** The provider's API key as a bearer token, when there is one. */
  static Consumer<HttpHeaders> bearer(String apiKey) {
    return headers -> {
      if (apiKey != null && !apiKey.isBlank()) {
        headers.setBearerAuth(apiKey);
      }
    };
  }

  /**
   * The JDK's HTTP client with this adapter's own timeouts (the read timeout bounds the wait for the
   * answer), and no redirects: a 3xx is not the provider taking the call, so it counts as a failure.
   */
  static RestClient restClient(RestClient.Builder builder, Duration connectTimeout, Duration readTimeout) {
    ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
        .withTimeouts(connectTimeout, readTimeout)
        .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    return builder.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings)).build();
  }
}
