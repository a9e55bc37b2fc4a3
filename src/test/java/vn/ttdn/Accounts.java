package vn.ttdn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests made as one of the demo accounts, through HTTP Basic as an API client would. */
public final class Accounts {

	private Accounts() {
	}

	public static RequestPostProcessor as(String username) {
		return httpBasic(username, IntegrationTest.PASSWORD);
	}
}
