# Sourced by the scripts that print documents through LibreOffice, as a
# union's staff do: one soffice converts every .docx to PDF (a private
# profile in $T, so scripts running at once never share one), poppler's
# pdftoppm makes a page a PNG.  This works with Debian's writer-only
# libreoffice-writer, which has no PNG export of its own.

# lo_ready: 0 when soffice and poppler's tools are installed.
lo_ready() {
	command -v soffice >/dev/null 2>&1 &&
	    command -v pdftoppm >/dev/null 2>&1 &&
	    command -v pdfinfo >/dev/null 2>&1 &&
	    command -v pdftotext >/dev/null 2>&1
}

# lo_pdf OUTDIR FILE...: OUTDIR/NAME.pdf for each FILE, one soffice for
# them all; its output in $T/lo.log.
lo_pdf() {
	_lo_out=$1
	shift
	mkdir -p "$_lo_out"
	env HOME="$T" timeout 300 soffice --headless --norestore \
	    -env:UserInstallation="file://$T/lo-profile" \
	    --convert-to pdf --outdir "$_lo_out" "$@" >>"$T/lo.log" 2>&1
}

# lo_pages PDF: its number of pages.
lo_pages() {
	pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'
}

# lo_png PDF PAGE OUT.png: page PAGE at 100 dpi.
lo_png() {
	pdftoppm -png -r 100 -f "$2" -l "$2" -singlefile "$1" "${3%.png}"
}

# lo_first_line PDF PAGE: the first line of text on the page.
lo_first_line() {
	pdftotext -f "$2" -l "$2" -layout "$1" - 2>/dev/null |
	    sed -n '/[^[:space:]]/{s/^[[:space:]]*//;s/[[:space:]]*$//;p;q;}'
}
