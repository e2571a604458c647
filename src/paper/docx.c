/*
 * WordprocessingML written by hand into a buffer and zipped in memory with
 * libzip (ECMA-376 part 1: the minimal package is [Content_Types].xml,
 * _rels/.rels and word/document.xml; styles.xml and numbering.xml give
 * Word's Heading and Body Text styles and real lists so staff can edit
 * them; two headers put the page number on every page but the first, as
 * Decree 30/2020/NĐ-CP has it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "collate.h"
#include "docx.h"
#include "escape.h"
#include "log.h"
#include "util.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/" \
	"wordprocessingml/2006/main\""
#define R_NS "xmlns:r=\"http://schemas.openxmlformats.org/" \
	"officeDocument/2006/relationships\""
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
#if TEXT_W != DOCX_TEXT_W
#error "DOCX_TEXT_W is not the width between the margins"
#endif

/* 2000-01-01 12:00 UTC: the members' date in the zip, any time zone. */
#define DOCX_MTIME	((time_t)946728000)

#define GRID_MAX	4

struct docx {
	struct buf body;
	char *lang;
	int last_table;		/* the body ends with a table */
	int brk;		/* the next paragraph starts a new page */
	int in_list;		/* the body ends with a numbered item */
	int nlists;		/* numbered lists so far: numIds 2, 3... */
	/* The layout table being written (docx_grid_begin). */
	size_t grid_cols, grid_col;
	int grid_w[GRID_MAX];
	int in_grid, row_open, cell_open, cell_paras;
	int sections;		/* docx_section_break()s so far */
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
	"<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"<Override PartName=\"/word/header2.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
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
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>"
	"</Relationships>";

/* The page number, centred at the top (a PAGE field, so Word and
 * LibreOffice count the pages); the first page's header is empty. */
static const char header_page[] = XML_DECL
	"<w:hdr " W_NS "><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
	"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	"<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
	"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
	"<w:r><w:t>2</w:t></w:r>"
	"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
static const char header_first[] = XML_DECL
	"<w:hdr " W_NS "><w:p/></w:hdr>";

/*
 * Lists as Vietnamese documents write them: "-" then "+" bullets, "1."
 * then "a)" numbers, the mark where a body paragraph's first line starts
 * and a space after it, the lines below back at the margin.  Every
 * numbered list is a w:num of its own that starts again at 1.
 */
#define LVL(n, fmt, text) "<w:lvl w:ilvl=\"" #n "\"><w:start w:val=\"1\"/>" \
	"<w:numFmt w:val=\"" fmt "\"/><w:suff w:val=\"space\"/>" \
	"<w:lvlText w:val=\"" text "\"/><w:lvlJc w:val=\"left\"/>" \
	"<w:pPr><w:ind w:left=\"0\" w:firstLine=\"720\"/></w:pPr></w:lvl>"
static const char numbering_head[] = XML_DECL
	"<w:numbering " W_NS ">"
	"<w:abstractNum w:abstractNumId=\"0\">"
	"<w:multiLevelType w:val=\"hybridMultilevel\"/>"
	LVL(0, "bullet", "-") LVL(1, "bullet", "+")
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"1\">"
	"<w:multiLevelType w:val=\"hybridMultilevel\"/>"
	LVL(0, "decimal", "%1.") LVL(1, "lowerLetter", "%2)")
	"</w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

/*
 * Styles: the names are Word's built-in ones ("heading 1", "Body Text"),
 * so Word and LibreOffice treat them as such (navigation pane, outline).
 * Body text as the decree sets it: justified, the first line indented
 * 1.27 cm, 6 pt after, lines 1.1 apart; Normal (tables, the header and
 * signature blocks) stays plain.
 */
#define BODY_PPR "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"264\" " \
	"w:lineRule=\"auto\"/><w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"
static const char styles_head[] = XML_DECL
	"<w:styles " W_NS ">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	"w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
	"<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>";
static const char styles_tail[] =
	"</w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
	"w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	"<w:name w:val=\"Normal\"/><w:qFormat/>"
	"<w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
	"w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
	"<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"BodyText\">"
	"<w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:qFormat/><w:pPr>" BODY_PPR "</w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
	"<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/>"
	"<w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
	"<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"BodyText\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/>"
	"<w:spacing w:before=\"120\" w:after=\"120\"/>"
	"<w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"
	"<w:outlineLvl w:val=\"0\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
	"<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"BodyText\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/>"
	"<w:spacing w:before=\"60\" w:after=\"120\"/>"
	"<w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"
	"<w:outlineLvl w:val=\"1\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\">"
	"<w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"BodyText\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/>"
	"<w:spacing w:before=\"0\" w:after=\"120\"/>"
	"<w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"
	"<w:outlineLvl w:val=\"2\"/></w:pPr>"
	"<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\">"
	"<w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:qFormat/><w:pPr>" BODY_PPR "</w:pPr></w:style>"
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
	DOCX_UNDERLINE | DOCX_SMALL | DOCX_TINY | DOCX_LARGE)

/* The font size of flags in half points; 0 for the style's own. */
static int
half_points(int flags)
{
	return flags & DOCX_TINY ? 22 : flags & DOCX_SMALL ? 24 :
	    flags & DOCX_LARGE ? 28 : 0;
}

static void
run(struct buf *b, const char *text, int flags)
{
	int hp = half_points(flags);

	buf_puts(b, "<w:r>");
	/* The children of rPr in the schema's order. */
	if (flags & RUN_FLAGS) {
		buf_printf(b, "<w:rPr>%s%s", flags & DOCX_BOLD ?
		    "<w:b/><w:bCs/>" : "", flags & DOCX_ITALIC ?
		    "<w:i/><w:iCs/>" : "");
		if (hp > 0)
			buf_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
			    hp, hp);
		buf_printf(b, "%s%s</w:rPr>", flags & DOCX_HIGHLIGHT ?
		    "<w:highlight w:val=\"yellow\"/>" : "",
		    flags & DOCX_UNDERLINE ? "<w:u w:val=\"single\"/>" : "");
	}
	buf_puts(b, "<w:t xml:space=\"preserve\">");
	esc_xml(b, text);
	buf_puts(b, "</w:t></w:r>");
}

/* A paragraph written outside a layout table: what it ends. */
static void
body_block(struct docx *d, int table)
{
	if (d->in_grid)
		return;
	d->last_table = table;
	d->in_list = 0;
	d->brk = 0;
}

/* "<w:pageBreakBefore/>" when a page break is pending. */
static const char *
page_break(const struct docx *d, int flags)
{
	return (d->brk || (flags & DOCX_BREAK)) && !d->in_grid ?
	    "<w:pageBreakBefore/>" : "";
}

void
docx_heading(struct docx *d, int level, const char *text)
{
	buf_printf(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>",
	    level <= 0 ? "Title" : level == 1 ? "Heading1" : level == 2 ?
	    "Heading2" : "Heading3", page_break(d, 0));
	run(&d->body, text, 0);
	buf_puts(&d->body, "</w:p>");
	body_block(d, 0);
}

void
docx_para(struct docx *d, const char *text, int flags)
{
	/* The children of pPr in the schema's order; in a layout table
	 * lines sit close, as the decree's blocks do. */
	buf_printf(&d->body, "<w:p><w:pPr>%s%s%s%s%s</w:pPr>",
	    flags & DOCX_BODY ? "<w:pStyle w:val=\"BodyText\"/>" : "",
	    flags & DOCX_KEEP ? "<w:keepNext/>" : "", page_break(d, flags),
	    d->in_grid ? "<w:spacing w:after=\"0\"/>" : flags & DOCX_SPACE ?
	    "<w:spacing w:before=\"240\" w:after=\"120\"/>" : "",
	    flags & DOCX_CENTER ? "<w:jc w:val=\"center\"/>" :
	    flags & DOCX_RIGHT ? "<w:jc w:val=\"right\"/>" : "");
	run(&d->body, text, flags);
	buf_puts(&d->body, "</w:p>");
	if (d->in_grid)
		d->cell_paras++;
	body_block(d, 0);
}

void
docx_rule(struct docx *d, int width)
{
	int room = d->in_grid ? d->grid_w[d->grid_col] - DOCX_CELL_PAD :
	    TEXT_W, side;

	if (width > room)
		width = room;
	side = (room - width) / 2;
	/* 3 pt high: the border sits just under the line above. */
	buf_printf(&d->body, "<w:p><w:pPr><w:keepNext/>%s<w:pBdr><w:bottom "
	    "w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"auto\"/>"
	    "</w:pBdr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"60\" "
	    "w:lineRule=\"exact\"/><w:ind w:left=\"%d\" w:right=\"%d\" "
	    "w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:rPr>"
	    "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/></w:rPr></w:pPr></w:p>",
	    page_break(d, 0), side, side);
	if (d->in_grid)
		d->cell_paras++;
	body_block(d, 0);
}

void
docx_page_break(struct docx *d)
{
	if (!d->in_grid)
		d->brk = 1;
}

/* The advance widths of Times (Roman, then Bold) for ' ' to '~', in
 * thousandths of an em, as the PostScript base fonts publish them. */
static const short times_w[2][95] = {
	{ 250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250,
	  333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
	  278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556,
	  722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
	  611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333,
	  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
	  500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
	  480, 200, 480, 541 },
	{ 250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250,
	  333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
	  333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611,
	  778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
	  667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333,
	  500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833,
	  556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
	  394, 220, 394, 520 },
};

int
docx_text_width(const char *text, int flags)
{
	const short *w = times_w[(flags & DOCX_BOLD) != 0];
	int hp = half_points(flags), c;
	long em = 0;
	struct buf a;
	size_t i;

	/* Letters with marks folded to their base letter; what folding
	 * drops (dashes, quotes) counts as an "n". */
	buf_init(&a);
	collate_ascii(text, &a);
	for (i = 0; i < a.len; i++) {
		c = (unsigned char)a.data[i];
		em += c >= ' ' && c <= '~' ? w[c - ' '] : 500;
	}
	for (i = 0; text[i] != '\0'; i++)
		if ((unsigned char)text[i] >= 0xe2 &&
		    (unsigned char)text[i] <= 0xef)
			em += 500;
	buf_release(&a);
	/* thousandths of an em at hp half points, in twips */
	return (int)(em * (hp > 0 ? hp : 26) * 10 / 1000);
}

void
docx_grid_begin(struct docx *d, size_t ncols, const int *widths)
{
	size_t c;
	int total = 0;

	if (ncols == 0 || ncols > GRID_MAX || d->in_grid)
		fatal("docx_grid_begin: %zu columns", ncols);
	d->grid_cols = ncols;
	for (c = 0; c < ncols; c++)
		total += d->grid_w[c] = widths[c];
	/* Wider than the text: as far into the left margin as the right. */
	buf_printf(&d->body, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" "
	    "w:type=\"dxa\"/><w:tblInd w:w=\"%d\" w:type=\"dxa\"/>"
	    "<w:tblBorders><w:top w:val=\"nil\"/>"
	    "<w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
	    "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/>"
	    "<w:insideV w:val=\"nil\"/></w:tblBorders>"
	    "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>", total,
	    total > TEXT_W ? -(total - TEXT_W) / 2 : 0);
	for (c = 0; c < ncols; c++)
		buf_printf(&d->body, "<w:gridCol w:w=\"%d\"/>", d->grid_w[c]);
	buf_puts(&d->body, "</w:tblGrid>");
	d->in_grid = 1;
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

/* Open the row's next cell, as wide as its column of the grid. */
static void
grid_open_cell(struct docx *d)
{
	if (d->grid_col >= d->grid_cols)
		fatal("docx_grid_cell: more cells than columns");
	buf_printf(&d->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" "
	    "w:type=\"dxa\"/></w:tcPr>", d->grid_w[d->grid_col]);
	d->cell_open = 1;
	d->cell_paras = 0;
}

static void
grid_close_row(struct docx *d)
{
	if (!d->row_open)
		return;
	grid_close_cell(d);
	/* A row must have as many cells as the grid has columns. */
	while (d->grid_col < d->grid_cols) {
		grid_open_cell(d);
		grid_close_cell(d);
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
	grid_open_cell(d);
}

void
docx_grid_end(struct docx *d)
{
	grid_close_row(d);
	buf_puts(&d->body, "</w:tbl>");
	d->in_grid = 0;
	body_block(d, 1);
}

/* An item of list numId at level; the page break pending goes with it. */
static void
list_item(struct docx *d, int num, int level, const char *text)
{
	buf_printf(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/>"
	    "%s<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"%d\"/>"
	    "</w:numPr></w:pPr>", page_break(d, 0), level > 0 ? 1 : 0, num);
	run(&d->body, text, 0);
	buf_puts(&d->body, "</w:p>");
}

void
docx_bullet(struct docx *d, int level, const char *text)
{
	list_item(d, 1, level, text);
	body_block(d, 0);
}

void
docx_numbered(struct docx *d, int level, const char *text)
{
	if (!d->in_list)
		d->nlists++;
	list_item(d, 1 + d->nlists, level, text);
	body_block(d, 0);
	d->in_list = 1;
}

/* A paragraph holding a page break, where a table must start a page. */
static void
table_break(struct docx *d)
{
	if (d->brk)
		buf_puts(&d->body, "<w:p><w:pPr><w:spacing w:after=\"0\"/>"
		    "</w:pPr><w:r><w:br w:type=\"page\"/></w:r></w:p>");
	d->brk = 0;
}

void
docx_table(struct docx *d, size_t ncols, size_t nrows, char *const *cells,
    const int *widths)
{
	struct buf *b = &d->body;
	size_t r, c;
	int *w = xcalloc(ncols, sizeof(*w)), sum = 0;

	/* Never wider than the text: the shares scaled down to fit. */
	for (c = 0; c < ncols; c++)
		sum += widths[c] > 0 ? widths[c] : 1;
	for (c = 0; c < ncols; c++)
		w[c] = (int)((long)TEXT_W * (widths[c] > 0 ? widths[c] : 1) /
		    (sum > 100 ? sum : 100));
	table_break(d);
	buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
	    "<w:tblW w:w=\"5000\" w:type=\"pct\"/>"
	    "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
	for (c = 0; c < ncols; c++)
		buf_printf(b, "<w:gridCol w:w=\"%d\"/>", w[c]);
	buf_puts(b, "</w:tblGrid>");
	for (r = 0; r < nrows; r++) {
		/* Rows never split across pages; the header repeats. */
		buf_printf(b, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
		    r == 0 ? "<w:tblHeader/>" : "");
		for (c = 0; c < ncols; c++) {
			buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" "
			    "w:type=\"dxa\"/></w:tcPr><w:p>", w[c]);
			run(b, cells[r * ncols + c], r == 0 ? DOCX_BOLD : 0);
			buf_puts(b, "</w:p></w:tc>");
		}
		buf_puts(b, "</w:tr>");
	}
	buf_puts(b, "</w:tbl>");
	free(w);
	body_block(d, 1);
}

/*
 * A section's properties: the page number in the header from its page 2
 * (titlePg: the first page has a header of its own, empty); numbered
 * from 1 again when the document has several sections (letters printed
 * together, each its own document).
 */
static void
section_props(const struct docx *d, struct buf *b)
{
	buf_printf(b, "<w:sectPr><w:headerReference w:type=\"default\" "
	    "r:id=\"rId3\"/><w:headerReference w:type=\"first\" "
	    "r:id=\"rId4\"/><w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
	    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
	    "w:left=\"%d\" w:header=\"680\" w:footer=\"709\" w:gutter=\"0\"/>"
	    "%s<w:titlePg/></w:sectPr>", PAGE_W, PAGE_H, MARGIN_TB, MARGIN_R,
	    MARGIN_TB, MARGIN_L, d->sections > 0 ?
	    "<w:pgNumType w:start=\"1\"/>" : "");
}

void
docx_section_break(struct docx *d)
{
	if (d->in_grid)
		return;
	d->sections++;
	/* The last paragraph of a section carries its properties; the next
	 * section starts on a new page (the default type, nextPage). */
	buf_puts(&d->body, "<w:p><w:pPr><w:spacing w:before=\"0\" "
	    "w:after=\"0\"/>");
	section_props(d, &d->body);
	buf_puts(&d->body, "</w:pPr></w:p>");
	body_block(d, 0);
}

static char *
document_xml(struct docx *d, size_t *len)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, XML_DECL "<w:document " W_NS " " R_NS "><w:body>");
	buf_add(&b, d->body.data ? d->body.data : "", d->body.len);
	/* A body must not end with a table: Word wants a paragraph. */
	if (d->last_table)
		buf_puts(&b, "<w:p/>");
	section_props(d, &b);
	buf_puts(&b, "</w:body></w:document>");
	*len = b.len;
	return buf_detach(&b);
}

/* The lists: the bullets, then one w:num per numbered list. */
static char *
numbering_xml(const struct docx *d, size_t *len)
{
	struct buf b;
	int k;

	buf_init(&b);
	buf_puts(&b, numbering_head);
	for (k = 0; k < d->nlists; k++)
		buf_printf(&b, "<w:num w:numId=\"%d\"><w:abstractNumId "
		    "w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride "
		    "w:val=\"1\"/></w:lvlOverride></w:num>", 2 + k);
	buf_puts(&b, "</w:numbering>");
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
	if (add_member(za, "word/header1.xml", xstrdup(header_page),
	    sizeof(header_page) - 1) == -1 ||
	    add_member(za, "word/header2.xml", xstrdup(header_first),
	    sizeof(header_first) - 1) == -1)
		return -1;
	p = numbering_xml(d, &n);
	return add_member(za, "word/numbering.xml", p, n);
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
