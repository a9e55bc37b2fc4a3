package vn.ttdn.shared;

/**
 * A failure the user caused and can fix (wrong state, missing field, bad date). Carries a message
 * key of the bundle, so that the user reads it in their language; nothing was changed.
 */
public class UserError extends RuntimeException {

	private final String key;
	private final Object[] arguments;

	public UserError(String key, Object... arguments) {
		super(key);
		this.key = key;
		this.arguments = arguments;
	}

	public String key() {
		return key;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
