// kyniem's staff pages work without this script; it only adds comfort:
// filters apply as soon as a choice changes, and buttons that cancel or
// delete something ask first.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
	document.querySelectorAll("form.filters select").forEach(function (s) {
		s.addEventListener("change", function () { s.form.submit(); });
	});
	document.querySelectorAll("button[data-confirm]").forEach(function (b) {
		b.addEventListener("click", function (e) {
			if (!window.confirm(b.getAttribute("data-confirm")))
				e.preventDefault();
		});
	});
});
