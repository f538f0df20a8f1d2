/**
 * The performance benchmark (bench/run.sh): admin-only endpoints at {@code /bench} that exist
 * only with the Spring profile {@code bench}, and the driver that measures the application over HTTP.
 *
 * <p>Not in the product jar: a source set of its own (bench/src/main/java), compiled after the product
 * against its classes, into target/bench/car-loan-overdue-*-bench.jar. bench/run.sh puts that jar on the
 * application's classpath ({@code -Dloader.path}), where the application's component scan finds these
 * classes; nothing here is a bean without the {@code bench} profile as well.
 */
package com.carloan.overdue.bench;
