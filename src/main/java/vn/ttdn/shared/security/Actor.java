package vn.ttdn.shared.security;

import java.io.Serializable;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The person acting, as every module sees them: who, in which role, scoped to which jurisdiction
 * and unit. Scope rules live here so that each module asks the same questions (C19).
 */
public record Actor(long accountId, String username, String displayName, AppRole role,
		@Nullable String jurisdictionCode, @Nullable Long unitId) implements Serializable {

	public boolean isSystemAdmin() {
		return role == AppRole.SYSTEM_ADMIN;
	}

	/** Belongs to this jurisdiction (or administers the system). */
	public boolean isIn(String jurisdiction) {
		return isSystemAdmin() || Objects.equals(jurisdictionCode, jurisdiction);
	}

	/** May change the registry of this jurisdiction: units, duties, roles, succession. */
	public boolean canManage(String jurisdiction) {
		return isSystemAdmin() || (role == AppRole.JURISDICTION_ADMIN && isIn(jurisdiction));
	}

	/** May change this unit's own records (contact details, people): its jurisdiction's administrators and its own staff. */
	public boolean canEditUnit(String jurisdiction, long unit) {
		return canManage(jurisdiction) || (role.isUnitScoped() && isIn(jurisdiction) && Objects.equals(unitId, unit));
	}
}
