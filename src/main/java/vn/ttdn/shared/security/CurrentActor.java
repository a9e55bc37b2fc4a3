package vn.ttdn.shared.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, if someone is signed in. */
public final class CurrentActor {

	private CurrentActor() {
	}

	/** Implemented by the authenticated principal so that modules need not know how accounts are stored. */
	public interface Holder {
		Actor actor();
	}

	public static Optional<Actor> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Holder holder) {
			return Optional.of(holder.actor());
		}
		return Optional.empty();
	}

	public static Actor require() {
		return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
	}
}
