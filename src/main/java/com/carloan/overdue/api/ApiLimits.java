package com.carloan.overdue.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** {@code collections.api.*}: the largest request body the API reads, for CSV imports and for everything else. */
@Validated
@ConfigurationProperties("collections.api")
record ApiLimits(@NotNull DataSize maxJsonBody, @NotNull DataSize maxCsvBody) {}
