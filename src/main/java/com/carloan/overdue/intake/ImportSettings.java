package com.carloan.overdue.intake;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collections.import.*}: the most data rows one file may have, how many cases open in one
 * transaction (a crash mid-import leaves whole batches; a re-run skips what they opened), and how many
 * lanes open batches at once (one per core is the point: a lane waits for the database as much as it computes).
 */
@Validated
@ConfigurationProperties("collections.import")
record ImportSettings(@Min(1) int maxRows, @Min(1) int batchSize, @DefaultValue("2") @Min(1) int lanes) {}
