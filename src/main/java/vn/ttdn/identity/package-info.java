/** Accounts, sign-in, roles scoped to a jurisdiction and unit, and the security of every request (C19). */
@org.jspecify.annotations.NullMarked
package vn.ttdn.identity;
