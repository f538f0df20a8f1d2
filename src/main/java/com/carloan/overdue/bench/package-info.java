/**
 * The performance benchmark (bench/run.sh, issue 8): admin-only endpoints at {@code /bench} that exist
 * only with the Spring profile {@code bench}, and the driver that measures the application over HTTP.
 * Nothing here is a bean without that profile, and no product code depends on this package.
 */
package com.carloan.overdue.bench;
