package com.carloan.overdue.common;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work (the SMS outbox); process tests switch it off and drive it explicitly. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "collections.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
