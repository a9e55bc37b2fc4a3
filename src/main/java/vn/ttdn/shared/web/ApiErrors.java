package vn.ttdn.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;

/**
 * Errors of the API as JSON with a message in the caller's language: 403 for what the caller may
 * not do, 404 for what does not exist, 422 for input the caller can correct, 500 with a reference.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	record ApiError(int status, String message, List<Map<String, String>> fields, String path) {
	}

	@ExceptionHandler(UserError.class)
	ResponseEntity<ApiError> userError(UserError e, HttpServletRequest request, Locale locale) {
		return respond(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage(e.key(), e.arguments(), e.key(), locale),
				List.of(), request);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request, Locale locale) {
		List<Map<String, String>> fields = e.getBindingResult().getFieldErrors().stream()
			.map((FieldError f) -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale)))
			.toList();
		return respond(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("error.invalidInput", null, locale), fields,
				request);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ApiError> unreadable(Exception e, HttpServletRequest request, Locale locale) {
		return respond(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("error.unreadable", null, locale), List.of(),
				request);
	}

	@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(Exception e, HttpServletRequest request, Locale locale) {
		return respond(HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("error.import.tooLarge", new Object[] { 20 }, locale),
				List.of(), request);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ApiError> notFound(NotFound e, HttpServletRequest request, Locale locale) {
		return respond(HttpStatus.NOT_FOUND, messages.getMessage("error.notFound", null, locale), List.of(), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ApiError> denied(AccessDeniedException e, HttpServletRequest request, Locale locale) {
		return respond(HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden", null, locale), List.of(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request, Locale locale) {
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR,
				messages.getMessage("error.unexpected", new Object[] { reference }, locale), List.of(), request);
	}

	private static ResponseEntity<ApiError> respond(HttpStatus status, String message, List<Map<String, String>> fields,
			HttpServletRequest request) {
		return ResponseEntity.status(status).body(new ApiError(status.value(), message, fields, request.getRequestURI()));
	}
}
