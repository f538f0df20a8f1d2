package com.carloan.overdue.intake;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collections.import.*}: the most data rows one file may have, and how many cases open in one
 * transaction (a crash mid-import leaves whole batches; a re-run skips what they opened).
 */
@Validated
@ConfigurationProperties("collections.import")
record ImportSettings(@Min(1) int maxRows, @Min(1) int batchSize) {}
