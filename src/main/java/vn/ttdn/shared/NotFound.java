package vn.ttdn.shared;

/** The record asked for does not exist, or the actor may not know that it does. */
public class NotFound extends RuntimeException {

	public NotFound(String what, Object id) {
		super(what + " " + id);
	}
}
