package vn.ttdn.identity;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/** Sign-in page, own password, and the administrators' list of accounts. */
@Controller
class AccountController {

	private final AccountService accounts;
	private final MessageSource messages;

	AccountController(AccountService accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(Actor actor, @RequestParam String current, @RequestParam String next,
			@RequestParam String repeated, Model model, RedirectAttributes redirect, java.util.Locale locale) {
		try {
			accounts.changePassword(actor, current, next, repeated);
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return "identity/password";
		}
		redirect.addFlashAttribute("success", messages.getMessage("password.changed", null, locale));
		return "redirect:/";
	}

	@GetMapping("/admin/accounts")
	String list(Actor actor, Model model) {
		if (!actor.isSystemAdmin()) {
			throw new AccessDeniedException("accounts");
		}
		model.addAttribute("accounts", accounts.all());
		return "identity/accounts";
	}
}
