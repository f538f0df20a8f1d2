package com.carloan.overdue.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A task completed through {@code /engine-rest} with inputs the task's listeners refuse
 * ({@link TaskInputs}, four eyes, plan terms) is the caller's mistake: 400 with the listener's
 * message. The engine wraps every listener exception, and the REST resources turn what they do not
 * know into 500, so without this a client could not tell "fix your input" from "the server broke".
 */
@Configuration
class EngineRestInputErrors {

  @Bean
  ResourceConfigCustomizer refusedTaskInputsAreBadRequests() {
    return config -> config.register(RefusedInputMapper.class);
  }

  /** Ahead of Camunda's own mapper for {@link RestException}, which it calls for everything else. */
  @Priority(Priorities.USER - 1)
  static class RefusedInputMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      BadUserRequestException refused = refusedInput(exception);
      if (exception.getStatus() != Response.Status.INTERNAL_SERVER_ERROR || refused == null) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(refused);
      return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static BadUserRequestException refusedInput(Throwable exception) {
      for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException refused) {
          return refused;
        }
      }
      return null;
    }
  }
}
