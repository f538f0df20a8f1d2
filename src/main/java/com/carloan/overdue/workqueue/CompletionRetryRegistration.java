package com.carloan.overdue.workqueue;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link CompletionRetry} last before the engine's REST servlets, inside their authentication. */
@Configuration
class CompletionRetryRegistration {

  @Bean
  FilterRegistrationBean<CompletionRetry> completionRetry() {
    FilterRegistrationBean<CompletionRetry> registration = new FilterRegistrationBean<>(new CompletionRetry());
    registration.setName("task-completion-retry");
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
