/*
 * The texts table: one row per version of a document's narrative
 * section in a year, never updated or deleted, so that any version can
 * be brought back.  The sections each document has are data here; where
 * a document prints them is the document's (report.c, plan.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "field.h"
#include "jsonw.h"
#include "lunar.h"
#include "store.h"
#include "texts.h"
#include "util.h"

/* The year-end report's sections, in the reports' words (seeds/). */
static const struct text_section report_sections[] = {
	{ "intro", "Mở đầu", "Introduction", 1,
	    "Đoạn mở đầu trước mục I, ví dụ “Thực hiện …, Liên hiệp … báo cáo "
	    "kết quả … như sau:”.", "The opening paragraph before section "
	    "I." },
	{ "context", "Bối cảnh tình hình", "Context", 0,
	    "Tình hình thế giới, trong nước và của địa phương trong năm; "
	    "thuận lợi và khó khăn của công tác đối ngoại nhân dân (mục I).",
	    "The international, national and local context of the year; "
	    "what helped and what hindered (section I)." },
	{ "assessment", "Kết quả đạt được", "Results achieved", 0,
	    "Đánh giá kết quả đạt được, sau các số liệu của năm (mục III.1).",
	    "An assessment of the results, after the year's figures "
	    "(III.1)." },
	{ "difficulties", "Một số khó khăn, hạn chế",
	    "Difficulties and shortcomings", 0,
	    "Khó khăn, hạn chế và nguyên nhân (mục III).",
	    "Difficulties and shortcomings, and their causes (III)." },
	{ "lessons", "Bài học kinh nghiệm", "Lessons learned", 1,
	    "Bài học kinh nghiệm (mục III).", "Lessons learned (III)." },
	{ "proposals", "Đề xuất, kiến nghị", "Proposals", 0,
	    "Đề xuất, kiến nghị với các cấp (mục III).",
	    "Proposals and requests (III)." },
	/* Section IV as staff write it, in place of next year's plan. */
	{ "direction", "Phương hướng hoạt động năm sau",
	    "Direction for next year", 1,
	    "Mục IV do cán bộ viết: nếu có, thay cho kế hoạch năm sau do "
	    "kyniem lập từ lịch các ngày kỷ niệm.", "Section IV as staff "
	    "write it: when written, it replaces next year's plan that kyniem "
	    "makes from the calendar." },
	{ NULL, NULL, NULL, 0, NULL, NULL }
};

/* A KẾ HOẠCH's narrative parts: I. Mục đích, yêu cầu; III. Tổ chức thực
 * hiện; IV. Kinh phí (II. Nội dung is made of the year's milestones). */
static const struct text_section plan_sections[] = {
	{ "basis", "Căn cứ xây dựng kế hoạch", "Basis of the plan", 1,
	    "Các văn bản, kế hoạch của cấp trên mà kế hoạch này thực hiện.",
	    "The directives and superiors' plans this plan carries out." },
	{ "purpose", "Mục đích", "Purpose", 0,
	    "Mục đích của kế hoạch (mục I.1).", "The plan's purpose (I.1)." },
	{ "requirements", "Yêu cầu", "Requirements", 0,
	    "Yêu cầu đối với việc thực hiện (mục I.2).",
	    "What carrying it out requires (I.2)." },
	{ "organisation", "Tổ chức thực hiện", "Implementation", 0,
	    "Phân công thực hiện: các ban, đơn vị thành viên, sự phối hợp "
	    "(mục III).", "Who does what: departments, member "
	    "organisations, coordination (III)." },
	{ "budget", "Kinh phí", "Budget", 0,
	    "Nguồn và cách sử dụng kinh phí, sau tổng kinh phí các hoạt động "
	    "(mục IV).", "Where the funding comes from and how it is used, "
	    "after the activities' total (IV)." },
	{ NULL, NULL, NULL, 0, NULL, NULL }
};

/* The cluster head's consolidated report (issue 24). */
static const struct text_section cluster_sections[] = {
	{ "context", "Bối cảnh tình hình", "Context", 0,
	    "Tình hình chung của Cụm trong năm.",
	    "The cluster's context in the year." },
	{ "assessment", "Đánh giá chung", "Overall assessment", 0,
	    "Đánh giá chung hoạt động của các thành viên Cụm.",
	    "An overall assessment of the members' work." },
	{ "proposals", "Đề xuất, kiến nghị", "Proposals", 0,
	    "Đề xuất, kiến nghị của Cụm.", "The cluster's proposals." },
	{ "direction", "Phương hướng hoạt động năm sau",
	    "Direction for next year", 0,
	    "Phương hướng hoạt động của Cụm năm sau.",
	    "The cluster's direction for next year." },
	{ NULL, NULL, NULL, 0, NULL, NULL }
};

static const struct {
	const char *doc;
	const struct text_section *sections;
} docs[] = {
	{ "report", report_sections },
	{ "plan", plan_sections },
	{ "cluster", cluster_sections },
};

const struct text_section *
text_sections(const char *doc)
{
	size_t i;

	for (i = 0; doc != NULL && i < NELEM(docs); i++)
		if (strcmp(docs[i].doc, doc) == 0)
			return docs[i].sections;
	return NULL;
}

const struct text_section *
text_section_find(const char *doc, const char *key)
{
	const struct text_section *s = text_sections(doc);

	for (; s != NULL && key != NULL && s->key != NULL; s++)
		if (strcmp(s->key, key) == 0)
			return s;
	return NULL;
}

const char *
text_docs(void)
{
	return "report, plan, cluster";
}

/* The columns of COLS read as they are; row() makes a NULL body "". */
static const struct store_col text_cols[] = {
	STORE_COL_TEXT(0, struct text_row, doc),
	STORE_COL_INT(1, struct text_row, year),
	STORE_COL_TEXT(2, struct text_row, key),
	STORE_COL_LONG(3, struct text_row, version),
	STORE_COL_TEXT(4, struct text_row, body),
	STORE_COL_TEXT(5, struct text_row, who),
	STORE_COL_TIME(6, struct text_row, at),
	STORE_COL_LONG(7, struct text_row, restored),
};

static void
row(sqlite3_stmt *stmt, void *elem)
{
	struct text_row *t = elem;

	store_columns(stmt, text_cols, NELEM(text_cols), t);
	if (t->body == NULL)
		t->body = xstrdup("");
}

#define COLS	"doc, year, key, version, body, who, at, restored"

/* The rows of stmt into out: 0, or -1 with out empty. */
static int
collect(struct store *st, sqlite3_stmt *stmt, struct text_list *out)
{
	memset(out, 0, sizeof(*out));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row) == 0)
		return 0;
	text_list_release(out);
	return -1;
}

/* The current versions, of one doc and key when they are not NULL. */
static int
load(struct store *st, const char *doc, const char *key,
    struct text_list *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT " COLS " FROM texts t"
	    " WHERE (?1 IS NULL OR doc = ?1) AND (?2 IS NULL OR key = ?2)"
	    " AND version = (SELECT MAX(version) FROM texts u WHERE"
	    " u.doc = t.doc AND u.year = t.year AND u.key = t.key)"
	    " ORDER BY doc, key, year",
	    STORE_TEXT(doc), STORE_TEXT(key));

	return collect(st, stmt, out);
}

int
text_load(struct store *st, struct text_list *out)
{
	return load(st, NULL, NULL, out);
}

void
text_list_release(struct text_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].doc);
		free(l->v[i].key);
		free(l->v[i].body);
		free(l->v[i].who);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const char *
text_find(const struct text_list *l, const char *doc, int year,
    const char *key, int *from)
{
	const struct text_row *best = NULL, *t;
	size_t i;

	for (i = 0; l != NULL && i < l->n; i++) {
		t = &l->v[i];
		if (t->year <= year && (best == NULL || t->year > best->year) &&
		    strcmp(t->doc, doc) == 0 && strcmp(t->key, key) == 0)
			best = t;
	}
	if (from != NULL)
		*from = best != NULL ? best->year : 0;
	return best != NULL && *best->body != '\0' ? best->body : NULL;
}

int
text_unwritten(const struct text_list *l, const char *doc, int year,
    const struct text_section *s)
{
	int from;

	/* An emptied version (from != 0) was left out on purpose. */
	return !s->optional && text_find(l, doc, year, s->key, &from) ==
	    NULL && from == 0;
}

int
text_missing(const struct text_list *l, const char *doc, int year,
    struct buf *out)
{
	const struct text_section *s = text_sections(doc);
	int n = 0;

	for (; s != NULL && s->key != NULL; s++)
		if (text_unwritten(l, doc, year, s))
			buf_printf(out, "%s%s", n++ > 0 ? ", " : "", s->key);
	return n;
}

int
text_get(struct store *st, const char *doc, int year, const char *key,
    char **body, int *inherited)
{
	struct text_list l;
	const char *b;
	int from;

	*body = NULL;
	*inherited = 0;
	if (load(st, doc, key, &l) == -1)
		return -1;
	if ((b = text_find(&l, doc, year, key, &from)) != NULL) {
		*body = xstrdup(b);
		*inherited = from != year;
	}
	text_list_release(&l);
	return 0;
}

/* The body as stored: LF line ends, no blank lines or spaces at the
 * end (a form's textarea sends CRLF and a file ends with a newline). */
static char *
normalise(const char *body)
{
	char *s = xmalloc(strlen(body) + 1), *d = s;
	const char *p;

	for (p = body; *p != '\0'; p++)
		if (*p == '\r')
			*d++ = '\n', p += p[1] == '\n';
		else
			*d++ = *p;
	while (d > s && (d[-1] == '\n' || d[-1] == ' ' || d[-1] == '\t'))
		d--;
	*d = '\0';
	return s;
}

/* A refusal of field, said in both languages, into errs. */
static void
refuse(struct field_errs *errs, const char *field, const char *vi,
    const char *en)
{
	struct field_err *e = field_errs_add(errs, field);

	snprintf(e->vi, sizeof(e->vi), "%s", vi);
	snprintf(e->en, sizeof(e->en), "%s", en);
}

/* 0 if doc, key and year name a section, else TEXT_REFUSED. */
static int
check_section(const char *doc, int year, const char *key,
    struct field_errs *errs)
{
	char vi[FIELD_MSG_MAX], en[FIELD_MSG_MAX];

	if (text_sections(doc) == NULL) {
		snprintf(vi, sizeof(vi), "Không có tài liệu '%.40s' (có: %s).",
		    doc, text_docs());
		snprintf(en, sizeof(en), "No document '%.40s' (there are: "
		    "%s).", doc, text_docs());
		refuse(errs, "doc", vi, en);
		return TEXT_REFUSED;
	}
	if (text_section_find(doc, key) == NULL) {
		snprintf(vi, sizeof(vi), "Tài liệu '%s' không có mục '%.64s'.",
		    doc, key);
		snprintf(en, sizeof(en), "The %s has no section '%.64s'.", doc,
		    key);
		refuse(errs, "key", vi, en);
		return TEXT_REFUSED;
	}
	if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
		snprintf(vi, sizeof(vi), "Năm %d nằm ngoài khoảng %d–%d.", year,
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		snprintf(en, sizeof(en), "The year %d is outside %d-%d.", year,
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		refuse(errs, "year", vi, en);
		return TEXT_REFUSED;
	}
	return 0;
}

/* The newest version of (doc, year, key) in this year: *version (0 when
 * none) and *body (NULL when none; the caller frees).  0 or -1. */
static int
current(struct store *st, const char *doc, int year, const char *key,
    long *version, char **body)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT version, body FROM"
	    " texts WHERE doc = ?1 AND year = ?2 AND key = ?3"
	    " ORDER BY version DESC LIMIT 1");
	int rc;

	*version = 0;
	*body = NULL;
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, doc);
	sqlite3_bind_int(stmt, 2, year);
	store_bind_text(stmt, 3, key);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*version = (long)sqlite3_column_int64(stmt, 0);
		*body = store_column_dup(stmt, 1);
		if (*body == NULL)
			*body = xstrdup("");
		rc = sqlite3_step(stmt);
	}
	return store_rows_done(st, stmt, rc);
}

/* The body of one version: 0 and *body, 1 when there is no such
 * version, -1. */
static int
version_body(struct store *st, const char *doc, int year, const char *key,
    long version, char **body)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT body FROM texts WHERE"
	    " doc = ?1 AND year = ?2 AND key = ?3 AND version = ?4");
	int rc, found = 0;

	*body = NULL;
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, doc);
	sqlite3_bind_int(stmt, 2, year);
	store_bind_text(stmt, 3, key);
	sqlite3_bind_int64(stmt, 4, version);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		found = 1;
		*body = store_column_dup(stmt, 0);
		if (*body == NULL)
			*body = xstrdup("");
		rc = sqlite3_step(stmt);
	}
	if (store_rows_done(st, stmt, rc) == -1) {
		free(*body);
		*body = NULL;
		return -1;
	}
	return found ? 0 : 1;
}

static int
insert(struct store *st, const char *doc, int year, const char *key,
    long version, const char *body, const char *who, time_t now,
    long restored)
{
	sqlite3_stmt *stmt = store_prepare(st, "INSERT INTO texts (" COLS
	    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (stmt != NULL) {
		store_bind_text(stmt, 1, doc);
		sqlite3_bind_int(stmt, 2, year);
		store_bind_text(stmt, 3, key);
		sqlite3_bind_int64(stmt, 4, version);
		/* "" is a text too (an emptied section), not NULL. */
		sqlite3_bind_text(stmt, 5, body, -1, SQLITE_TRANSIENT);
		store_bind_text(stmt, 6, who);
		sqlite3_bind_int64(stmt, 7, (sqlite3_int64)now);
		if (restored > 0)
			sqlite3_bind_int64(stmt, 8, restored);
		else
			sqlite3_bind_null(stmt, 8);
	}
	return store_step_done(st, stmt);
}

/* {"version":N} before, {"version":N,"chars":C[,"restored":V]} after:
 * the bodies themselves stay in the table, every version of them. */
static char *
version_json(long version, const char *body, long restored)
{
	struct jsonw j;
	struct buf b;

	if (version == 0)
		return NULL;
	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_object(&j, NULL);
	jsonw_int(&j, "version", version);
	if (body != NULL)
		jsonw_int(&j, "chars", (long long)text_chars(body));
	if (restored > 0)
		jsonw_int(&j, "restored", restored);
	jsonw_end(&j);
	return buf_detach(&b);
}

/*
 * In one transaction: body as the next version of (doc, year, key)
 * unless it is the current one, and its audit row.  TEXT_SAVED,
 * TEXT_UNCHANGED or -1.
 */
static int
put(struct store *st, const char *doc, int year, const char *key,
    const char *body, const char *who, time_t now, long restored)
{
	char *was = NULL, *before = NULL, *after = NULL, *obj = NULL;
	long version;
	int ret = -1;

	if (store_begin(st) == -1)
		return -1;
	if (current(st, doc, year, key, &version, &was) == -1)
		goto fail;
	if (was != NULL && strcmp(was, body) == 0) {
		ret = TEXT_UNCHANGED;
		goto fail;	/* nothing to write */
	}
	before = version_json(version, NULL, 0);
	after = version_json(version + 1, body, restored);
	obj = xasprintf("text:%s:%d:%s", doc, year, key);
	if (insert(st, doc, year, key, version + 1, body, who, now,
	    restored) == -1 || audit_add(st, who, restored > 0 ?
	    "text.restore" : "text.set", obj, before, after, now) == -1)
		goto fail;
	if (store_commit(st) == 0)
		ret = TEXT_SAVED;
	goto done;
fail:
	store_rollback(st);
done:
	free(was);
	free(before);
	free(after);
	free(obj);
	return ret;
}

int
text_set(struct store *st, const char *doc, int year, const char *key,
    const char *body, const char *who, time_t now, struct field_errs *errs)
{
	struct field f = { key, NULL, 0, 0, TEXT_SECTION_MAX, FIELD_MULTILINE,
	    NULL, NULL, NULL, NULL };
	char *b;
	int ret;

	if (check_section(doc, year, key, errs) != 0)
		return TEXT_REFUSED;
	/* Checked as typed: a bad byte is refused, never cut away. */
	if (field_check_value(&f, body, errs) == -1)
		return TEXT_REFUSED;
	b = normalise(body != NULL ? body : "");
	ret = put(st, doc, year, key, b, who, now, 0);
	free(b);
	return ret;
}

int
text_history(struct store *st, const char *doc, int year, const char *key,
    struct text_list *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT " COLS " FROM texts"
	    " WHERE doc = ?1 AND year = ?2 AND key = ?3"
	    " ORDER BY version DESC",
	    STORE_TEXT(doc), STORE_INT(year), STORE_TEXT(key));

	return collect(st, stmt, out);
}

int
text_restore(struct store *st, const char *doc, int year, const char *key,
    long version, const char *who, time_t now, struct field_errs *errs)
{
	char vi[FIELD_MSG_MAX], en[FIELD_MSG_MAX], *body = NULL;
	int rc;

	if (check_section(doc, year, key, errs) != 0)
		return TEXT_REFUSED;
	if ((rc = version_body(st, doc, year, key, version, &body)) == -1)
		return -1;
	if (rc == 1) {
		snprintf(vi, sizeof(vi), "Không có bản %ld của mục này.",
		    version);
		snprintf(en, sizeof(en), "No version %ld of this section.",
		    version);
		refuse(errs, "version", vi, en);
		return TEXT_REFUSED;
	}
	rc = put(st, doc, year, key, body, who, now, version);
	free(body);
	return rc;
}
