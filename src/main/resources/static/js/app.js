// Behaviour the pages declare in their markup (the Content-Security-Policy allows no inline script).

// <select data-form-action>: choosing an option sends the form to the option's address
// (the jurisdiction chooser of the organisation tree and of the regulation page).
document.addEventListener('change', (event) => {
	const select = event.target;
	if (select instanceof HTMLSelectElement && select.hasAttribute('data-form-action') && select.form) {
		select.form.action = select.value;
	}
});
