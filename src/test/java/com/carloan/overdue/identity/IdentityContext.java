package com.carloan.overdue.identity;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The real application on a random port with a throwaway database, shared by the identity and the
 * work-queue tests (one Spring context for both).
 */
@Target(TYPE)
@Retention(RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:identity-${random.uuid};MODE=LEGACY;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.demo-users=true"})
@Import({ApiProbe.Controller.class, ApiProbe.CatchAllAdvice.class})
public @interface IdentityContext {
}
