package vn.ttdn.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.CurrentActor;

/** The signed-in account as Spring Security and the session store see it. */
record AccountPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked, int failedLogins)
		implements UserDetails, CurrentActor.Holder, Serializable {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}
}
