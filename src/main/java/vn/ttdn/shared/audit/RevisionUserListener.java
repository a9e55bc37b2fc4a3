package vn.ttdn.shared.audit;

import org.hibernate.envers.RevisionListener;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.CurrentActor;

/** Stamps each revision with the signed-in user, or "system" for loaders and jobs. */
public class RevisionUserListener implements RevisionListener {

	@Override
	public void newRevision(Object revisionEntity) {
		((Revision) revisionEntity).setUsername(CurrentActor.get().map(Actor::username).orElse("system"));
	}
}
