package vn.ttdn.shared.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;

/** Errors of the web pages: a page saying what happened in the user's language, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
	private final MessageSource messages;

	PageErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(Locale locale) {
		return page(HttpStatus.NOT_FOUND, messages.getMessage("error.notFound", null, locale));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView denied(Locale locale) {
		return page(HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden", null, locale));
	}

	@ExceptionHandler(UserError.class)
	ModelAndView userError(UserError e, Locale locale) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage(e.key(), e.arguments(), e.key(), locale));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badParameter(Locale locale) {
		return page(HttpStatus.BAD_REQUEST, messages.getMessage("error.unreadable", null, locale));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletRequest request, Locale locale) {
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
		return page(HttpStatus.INTERNAL_SERVER_ERROR,
				messages.getMessage("error.unexpected", new Object[] { reference }, locale));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("message", message);
		return mav;
	}
}
