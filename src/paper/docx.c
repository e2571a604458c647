/*
 * WordprocessingML written by hand into a buffer and zipped in memory with
 * libzip (ECMA-376 part 1: the minimal package is [Content_Types].xml,
 * _rels/.rels and word/document.xml; styles.xml and numbering.xml give
 * Word's Heading styles and real bulleted lists so staff can edit them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "docx.h"
#include "escape.h"
#include "log.h"
#include "util.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/" \
	"wordprocessingml/2006/main\""
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" " \
	"standalone=\"yes\"?>\n"

/* A4 with margins inside the ranges of Decree 30/2020/ND-CP (top and
 * bottom 20-25 mm, left 30-35 mm, right 15-20 mm), in twentieths of a
 * point: 22, 22, 32 and 17 mm, clear of the bounds after rounding. */
#define PAGE_W		11906
#define PAGE_H		16838
#define MARGIN_L	1814
#define MARGIN_R	964
#define MARGIN_TB	1247
#define TEXT_W		(PAGE_W - MARGIN_L - MARGIN_R)

/* 2000-01-01 12:00 UTC: the members' date in the zip, any time zone. */
#define DOCX_MTIME	((time_t)946728000)

#define GRID_MAX	4

struct docx {
	struct buf body;
	char *lang;
	int last_table;		/* the body ends with a table */
	/* The layout table being written (docx_grid_begin). */
	size_t grid_cols, grid_col;
	int grid_w[GRID_MAX];
	int in_grid, row_open, cell_open, cell_paras;
};

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/"
	"vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	"\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/numbering.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
	"</Types>";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	"2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/officeDocument\" "
	"Target=\"word/document.xml\"/>"
	"</Relationships>";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	"2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/numbering\" "
	"Target=\"numbering.xml\"/>"
	"</Relationships>";

/* Bullets "-" and "+" as Vietnamese documents write them. */
static const char numbering[] = XML_DECL
	"<w:numbering " W_NS ">"
	"<w:abstractNum w:abstractNumId=\"0\">"
	"<w:multiLevelType w:val=\"hybridMultilevel\"/>"
	"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	"<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/>"
	"<w:lvlJc w:val=\"left\"/>"
	"<w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl>"
	"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
	"<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"+\"/>"
	"<w:lvlJc w:val=\"left\"/>"
	"<w:pPr><w:ind w:left=\"1134\" w:hanging=\"283\"/></w:pPr></w:lvl>"
	"</w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	"</w:numbering>";

/* Styles: the names are Word's built-in ones ("heading 1"), so Word and
 * LibreOffice treat them as headings (navigation pane, outline, TOC). */
static const char styles_head[] = XML_DECL
	"<w:styles " W_NS ">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	"w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
	"<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>";
static const char styles_tail[] =
	"</w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"276\" "
	"w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	"<w:name w:val=\"Normal\"/><w:qFormat/>"
	"<w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
	"w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
	"<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
	"<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:jc w:val=\"center\"/>"
	"<w:spacing w:before=\"240\" w:after=\"0\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
	"<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/>"
	"<w:spacing w:before=\"240\" w:after=\"120\"/>"
	"<w:outlineLvl w:val=\"0\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
	"<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/>"
	"<w:spacing w:before=\"160\" w:after=\"80\"/>"
	"<w:outlineLvl w:val=\"1\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\">"
	"<w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/>"
	"<w:spacing w:before=\"120\" w:after=\"60\"/>"
	"<w:outlineLvl w:val=\"2\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\">"
	"<w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:qFormat/><w:pPr><w:ind w:left=\"720\"/>"
	"<w:contextualSpacing/></w:pPr></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	"<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" "
	"w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
	"<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" "
	"w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	"</w:tblCellMar></w:tblPr></w:style>"
	"<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
	"<w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
	"<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
	"w:lineRule=\"auto\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr>"
	"<w:tblPr><w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	"w:color=\"auto\"/>"
	"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	"w:color=\"auto\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	"w:color=\"auto\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	"w:color=\"auto\"/>"
	"</w:tblBorders></w:tblPr></w:style>"
	"</w:styles>";


struct docx *
docx_new(const char *lang)
{
	struct docx *d = xcalloc(1, sizeof(*d));

	buf_init(&d->body);
	d->lang = xstrdup(lang);
	return d;
}

void
docx_free(struct docx *d)
{
	if (d == NULL)
		return;
	buf_release(&d->body);
	free(d->lang);
	free(d);
}

#define RUN_FLAGS (DOCX_BOLD | DOCX_ITALIC | DOCX_HIGHLIGHT | \
	DOCX_UNDERLINE | DOCX_SMALL)

static void
run(struct buf *b, const char *text, int flags)
{
	buf_puts(b, "<w:r>");
	/* The children of rPr in the schema's order. */
	if (flags & RUN_FLAGS)
		buf_printf(b, "<w:rPr>%s%s%s%s%s</w:rPr>",
		    flags & DOCX_BOLD ? "<w:b/><w:bCs/>" : "",
		    flags & DOCX_ITALIC ? "<w:i/><w:iCs/>" : "",
		    flags & DOCX_SMALL ? "<w:sz w:val=\"24\"/>"
		    "<w:szCs w:val=\"24\"/>" : "",
		    flags & DOCX_HIGHLIGHT ? "<w:highlight w:val=\"yellow\"/>" :
		    "",
		    flags & DOCX_UNDERLINE ? "<w:u w:val=\"single\"/>" : "");
	buf_puts(b, "<w:t xml:space=\"preserve\">");
	esc_xml(b, text);
	buf_puts(b, "</w:t></w:r>");
}

void
docx_heading(struct docx *d, int level, const char *text)
{
	buf_printf(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
	    level <= 0 ? "Title" : level == 1 ? "Heading1" : level == 2 ?
	    "Heading2" : "Heading3");
	run(&d->body, text, 0);
	buf_puts(&d->body, "</w:p>");
	d->last_table = 0;
}

void
docx_para(struct docx *d, const char *text, int flags)
{
	/* In a layout table lines sit close, as the decree's blocks do. */
	buf_printf(&d->body, "<w:p><w:pPr>%s%s%s</w:pPr>",
	    flags & DOCX_KEEP ? "<w:keepNext/>" : "",
	    d->in_grid ? "<w:spacing w:after=\"0\"/>" : "",
	    flags & DOCX_CENTER ? "<w:jc w:val=\"center\"/>" :
	    flags & DOCX_RIGHT ? "<w:jc w:val=\"right\"/>" : "");
	run(&d->body, text, flags);
	buf_puts(&d->body, "</w:p>");
	if (d->in_grid)
		d->cell_paras++;
	else
		d->last_table = 0;
}

void
docx_grid_begin(struct docx *d, size_t ncols, const int *widths)
{
	size_t c;

	if (ncols == 0 || ncols > GRID_MAX || d->in_grid)
		fatal("docx_grid_begin: %zu columns", ncols);
	d->grid_cols = ncols;
	d->in_grid = 1;
	buf_puts(&d->body, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" "
	    "w:type=\"pct\"/><w:tblBorders><w:top w:val=\"nil\"/>"
	    "<w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
	    "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/>"
	    "<w:insideV w:val=\"nil\"/></w:tblBorders>"
	    "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
	for (c = 0; c < ncols; c++) {
		d->grid_w[c] = TEXT_W * widths[c] / 100;
		buf_printf(&d->body, "<w:gridCol w:w=\"%d\"/>", d->grid_w[c]);
	}
	buf_puts(&d->body, "</w:tblGrid>");
}

/* Close the open cell, with an empty paragraph if it has none. */
static void
grid_close_cell(struct docx *d)
{
	if (!d->cell_open)
		return;
	if (d->cell_paras == 0)
		buf_puts(&d->body, "<w:p/>");
	buf_puts(&d->body, "</w:tc>");
	d->cell_open = 0;
	d->grid_col++;
}

static void
grid_close_row(struct docx *d)
{
	if (!d->row_open)
		return;
	grid_close_cell(d);
	/* A row must have as many cells as the grid has columns. */
	while (d->grid_col < d->grid_cols) {
		buf_printf(&d->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" "
		    "w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>",
		    d->grid_w[d->grid_col]);
		d->grid_col++;
	}
	buf_puts(&d->body, "</w:tr>");
	d->row_open = 0;
}

void
docx_grid_row(struct docx *d)
{
	grid_close_row(d);
	buf_puts(&d->body, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	d->row_open = 1;
	d->grid_col = 0;
}

void
docx_grid_cell(struct docx *d)
{
	if (!d->row_open)
		docx_grid_row(d);
	grid_close_cell(d);
	if (d->grid_col >= d->grid_cols)
		fatal("docx_grid_cell: more cells than columns");
	buf_printf(&d->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" "
	    "w:type=\"dxa\"/></w:tcPr>", d->grid_w[d->grid_col]);
	d->cell_open = 1;
	d->cell_paras = 0;
}

void
docx_grid_end(struct docx *d)
{
	grid_close_row(d);
	buf_puts(&d->body, "</w:tbl>");
	d->in_grid = 0;
	d->last_table = 1;
}

void
docx_bullet(struct docx *d, int level, const char *text)
{
	buf_printf(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/>"
	    "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"1\"/></w:numPr>"
	    "</w:pPr>", level > 0 ? 1 : 0);
	run(&d->body, text, 0);
	buf_puts(&d->body, "</w:p>");
	d->last_table = 0;
}

void
docx_table(struct docx *d, size_t ncols, size_t nrows, char *const *cells,
    const int *widths)
{
	struct buf *b = &d->body;
	size_t r, c;

	buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
	    "<w:tblW w:w=\"5000\" w:type=\"pct\"/>"
	    "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
	for (c = 0; c < ncols; c++)
		buf_printf(b, "<w:gridCol w:w=\"%d\"/>",
		    TEXT_W * widths[c] / 100);
	buf_puts(b, "</w:tblGrid>");
	for (r = 0; r < nrows; r++) {
		/* Rows never split across pages; the header repeats. */
		buf_printf(b, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
		    r == 0 ? "<w:tblHeader/>" : "");
		for (c = 0; c < ncols; c++) {
			buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" "
			    "w:type=\"dxa\"/></w:tcPr><w:p>",
			    TEXT_W * widths[c] / 100);
			run(b, cells[r * ncols + c], r == 0 ? DOCX_BOLD : 0);
			buf_puts(b, "</w:p></w:tc>");
		}
		buf_puts(b, "</w:tr>");
	}
	buf_puts(b, "</w:tbl>");
	d->last_table = 1;
}

static char *
document_xml(struct docx *d, size_t *len)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, XML_DECL "<w:document " W_NS "><w:body>");
	buf_add(&b, d->body.data ? d->body.data : "", d->body.len);
	/* A body must not end with a table: Word wants a paragraph. */
	if (d->last_table)
		buf_puts(&b, "<w:p/>");
	buf_printf(&b, "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
	    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
	    "w:left=\"%d\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
	    "</w:sectPr></w:body></w:document>", PAGE_W, PAGE_H, MARGIN_TB,
	    MARGIN_R, MARGIN_TB, MARGIN_L);
	*len = b.len;
	return buf_detach(&b);
}

static char *
styles_xml(struct docx *d, size_t *len)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, styles_head);
	buf_puts(&b, "<w:lang w:val=\"");
	esc_xml(&b, d->lang);
	buf_puts(&b, "\"/>");
	buf_puts(&b, styles_tail);
	*len = b.len;
	return buf_detach(&b);
}

/* Add one member; libzip frees data (freep) even when adding fails. */
static int
add_member(zip_t *za, const char *name, char *data, size_t len)
{
	zip_source_t *src;
	zip_int64_t idx;

	if ((src = zip_source_buffer(za, data, len, 1)) == NULL) {
		free(data);
		log_warnx("docx: %s: %s", name, zip_strerror(za));
		return -1;
	}
	if ((idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		log_warnx("docx: %s: %s", name, zip_strerror(za));
		return -1;
	}
	/* A fixed date, so the same plan is the same bytes (and ETag). */
	if (zip_file_set_mtime(za, (zip_uint64_t)idx, DOCX_MTIME, 0) == -1) {
		log_warnx("docx: %s: %s", name, zip_strerror(za));
		return -1;
	}
	return 0;
}

static int
add_members(zip_t *za, struct docx *d)
{
	char *p;
	size_t n;

	if (add_member(za, "[Content_Types].xml", xstrdup(content_types),
	    sizeof(content_types) - 1) == -1 ||
	    add_member(za, "_rels/.rels", xstrdup(package_rels),
	    sizeof(package_rels) - 1) == -1 ||
	    add_member(za, "word/_rels/document.xml.rels",
	    xstrdup(document_rels), sizeof(document_rels) - 1) == -1)
		return -1;
	p = document_xml(d, &n);
	if (add_member(za, "word/document.xml", p, n) == -1)
		return -1;
	p = styles_xml(d, &n);
	if (add_member(za, "word/styles.xml", p, n) == -1)
		return -1;
	return add_member(za, "word/numbering.xml", xstrdup(numbering),
	    sizeof(numbering) - 1);
}

/* Copy the finished archive out of the in-memory source. */
static int
read_source(zip_source_t *src, char **out, size_t *len)
{
	zip_stat_t st;
	char *p;

	if (zip_source_stat(src, &st) == -1 || !(st.valid & ZIP_STAT_SIZE) ||
	    zip_source_open(src) == -1)
		return -1;
	p = xmalloc(st.size ? st.size : 1);
	if (zip_source_read(src, p, st.size) != (zip_int64_t)st.size) {
		zip_source_close(src);
		free(p);
		return -1;
	}
	zip_source_close(src);
	*out = p;
	*len = st.size;
	return 0;
}

int
docx_finish(struct docx *d, char **out, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	int ret = -1;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto done;
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		goto done;
	zip_source_keep(src);	/* the archive's reference, and ours */
	if (add_members(za, d) == -1) {
		zip_discard(za);
		za = NULL;
		goto done;
	}
	if (zip_close(za) == -1) {
		log_warnx("docx: %s", zip_strerror(za));
		zip_discard(za);
		za = NULL;
		goto done;
	}
	za = NULL;
	if (read_source(src, out, len) == -1) {
		log_warnx("docx: cannot read the archive: %s",
		    zip_error_strerror(zip_source_error(src)));
		goto done;
	}
	ret = 0;
done:
	if (ret == -1 && ze.zip_err != ZIP_ER_OK)
		log_warnx("docx: %s", zip_error_strerror(&ze));
	zip_source_free(src);
	zip_error_fini(&ze);
	return ret;
}
