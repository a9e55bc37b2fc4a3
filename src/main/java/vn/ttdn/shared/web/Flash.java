package vn.ttdn.shared.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.shared.UserError;

/**
 * A form's action followed by a redirect: the outcome travels in the flash as {@code success} (the
 * message {@code doneKey}) or {@code error} (the user error's message), in the user's language.
 */
public final class Flash {

	private Flash() {
	}

	public static void attempt(RedirectAttributes redirect, MessageSource messages, Locale locale, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", messages.getMessage(doneKey, null, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
		}
	}
}
