/*
 * Cụm: the cluster head's year on one page, for its editors and admins:
 * each member, whether its record has come, when, and signed how; the
 * upload of a record and "fetch now"; the consolidated report's preview
 * and downloads.  An admin also finds the union's own signing key here
 * for the head to pin.  The checks and the table are received.c's, the
 * fetching fetch.c's, the report cluster.c's, as `kyniem cluster` uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "config.h"
#include "escape.h"
#include "form.h"
#include "fetch.h"
#include "lunar.h"
#include "pdf.h"
#include "received.h"
#include "report.h"
#include "sign.h"
#include "text.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

#define WHY_MAX	512
/* Bytes of an uploaded file's name in the record's source. */
#define NAME_LEN	FORM_NAME_MAX

static const char *const report_exts[] = { "docx", "pdf", "md", "html" };

/* The year of ?year=, within what a record may be of. */
static int
asked_year(struct web_req *r)
{
	return ui_asked_year(r);
}

/* What became of a record, as the flash message after the redirect. */
static const char *
outcome_flash(enum received_outcome o)
{
	return o == RECEIVED_NEW ? "record-received" : o ==
	    RECEIVED_REPLACED ? "record-replaced" : "record-same";
}

/* How a member's record was signed, in words. */
static const char *
signed_text(struct web_req *r, const struct config_member *m,
    const struct received *h)
{
	if (!h->is_signed)
		return L(r, "Không ký", "Not signed");
	return m != NULL && m->key != NULL ? L(r, "Đã ký, đúng khóa đã ghi "
	    "nhận", "Signed with the pinned key") : L(r, "Đã ký, chưa ghi "
	    "nhận khóa", "Signed, no key pinned");
}

/* The input of year's consolidated report: the records received and the
 * union's own year, as the thread holds it. */
static void
cluster_in(struct web_req *r, int year, struct cluster_input *in)
{
	memset(in, 0, sizeof(*in));
	in->st = r->st;
	in->cfg = r->cfg;
	in->year = year;
	in->today = r->today;
	in->now = r->now;
	in->lang = r->lang;
	in->data = r->data;
	in->lunar = r->lunar;
	in->version = web_version(r);
}

/* One member's row; own when it is the head whose database recorded
 * the year. */
static void
member_row(struct web_req *r, const struct config_member *m,
    const struct received *h, int own)
{
	const char *self = r->cfg->org_id != NULL && strcmp(r->cfg->org_id,
	    m->id) == 0 ? r->cfg->org_name : NULL;

	html_printf(r->out, "<tr><th scope=\"row\">%s<br><code>%s</code>"
	    "</th>", h != NULL ? h->name : m->name != NULL ? m->name :
	    self != NULL ? self : m->id, m->id);
	if (h == NULL && own) {
		html_printf(r->out, "<td>%s</td><td></td><td></td><td>%s</td>"
		    "</tr>\n", L(r, "Đơn vị mình", "This union"), L(r, "Báo "
		    "cáo của Cụm lấy từ dữ liệu của đơn vị", "The cluster's "
		    "report reads this union's data"));
		return;
	}
	if (h == NULL) {
		html_printf(r->out, "<td><strong>%s</strong></td><td></td>"
		    "<td></td><td>%s</td></tr>\n", L(r, "Chưa gửi",
		    "Missing"), m->url != NULL ? L(r, "Có địa chỉ để lấy về",
		    "Has a url to fetch from") : "");
		return;
	}
	html_printf(r->out, "<td>%s ", L(r, "Đã nhận", "Received"));
	ui_time(r, h->at);
	html_raw(r->out, "</td><td>");
	ui_time(r, h->generated);
	html_printf(r->out, "</td><td>%s</td><td><code>%s</code></td></tr>\n",
	    signed_text(r, m, h), h->source);
}

/* The members of [cluster] and their records of year. */
static int
members(struct web_req *r, int year)
{
	const struct config *cfg = r->cfg;
	struct cluster_input ci;
	struct received_list l;
	const struct received *h;
	size_t i, j, in = 0;
	int own;

	if (received_list(r->st, year, &l) == -1)
		return -1;
	cluster_in(r, year, &ci);
	html_printf(r->out, "<section aria-labelledby=\"mem\"><h2 id=\"mem\">"
	    "%s %d</h2>\n", L(r, "Báo cáo của các thành viên năm",
	    "The members' records of"), year);
	ui_table_begin(r, 0, L(r, "Thành viên", "Member"), L(r, "Tình trạng",
	    "State"), L(r, "Lập lúc", "Made"), L(r, "Chữ ký", "Signature"),
	    L(r, "Nguồn", "Source"), NULL);
	for (i = 0; i < cfg->nmembers; i++) {
		for (h = NULL, j = 0; j < l.n && h == NULL; j++)
			if (strcmp(l.v[j].union_id, cfg->members[i].id) == 0)
				h = &l.v[j];
		own = cluster_own_year(&ci, cfg->members[i].id);
		member_row(r, &cfg->members[i], h, own);
		in += h != NULL || own;
	}
	html_printf(r->out, "</tbody></table>\n<p>%zu/%zu %s</p></section>\n",
	    in, cfg->nmembers, L(r, "thành viên đã gửi báo cáo.",
	    "members have sent their record."));
	received_list_release(&l);
	return 0;
}

/* The upload form and the fetch button. */
static void
actions(struct web_req *r, int year)
{
	char action[64];

	html_printf(r->out, "<section class=\"card\" aria-labelledby=\"up\">"
	    "<h2 id=\"up\">%s</h2>\n<form method=\"post\" action=\"%s/app/"
	    "cluster/upload?year=%d\" enctype=\"multipart/form-data\">",
	    L(r, "Nhận báo cáo của thành viên", "Receive a member's record"),
	    r->root, year);
	ui_csrf(r);
	html_printf(r->out, "<div class=\"field\"><label for=\"f-record\">%s"
	    " *</label><input type=\"file\" id=\"f-record\" name=\"record\" "
	    "accept=\".json,application/json\" required aria-describedby="
	    "\"h-record\"><p class=\"hint\" id=\"h-record\">%s</p></div>\n"
	    "<button type=\"submit\">%s</button></form>\n", L(r, "Tệp báo cáo "
	    "năm (.json)", "Year record (.json)"), L(r, "Tệp do thành viên "
	    "xuất bằng kyniem record export. Tệp bị sửa sau khi ký, của đơn "
	    "vị ngoài Cụm hoặc ký bằng khóa khác sẽ bị từ chối.", "The file a "
	    "member exported with kyniem record export. A file changed after "
	    "signing, from a union outside the cluster or signed with another "
	    "key is refused."), L(r, "Tải lên", "Upload"));
	snprintf(action, sizeof(action), "/app/cluster/fetch?year=%d", year);
	ui_button(r, action, L(r, "Lấy báo cáo về ngay", "Fetch now"),
	    "secondary", NULL);
	html_raw(r->out, "</section>\n");
}


/* The consolidated report's downloads and its preview. */
static int
report(struct web_req *r, int year)
{
	struct cluster_input in;
	struct doc *doc;
	size_t i, k = 0;
	int pdf = pdf_available(), ret;

	html_printf(r->out, "<section aria-labelledby=\"rep\"><h2 id=\"rep\">"
	    "%s %d</h2>\n<p>", L(r, "Báo cáo tổng kết của Cụm năm",
	    "The cluster's report of"), year);
	for (i = 0; i < NELEM(report_exts); i++)
		if (pdf || strcmp(report_exts[i], "pdf") != 0)
			html_printf(r->out, "%s<a href=\"%s/app/cluster/"
			    "bao-cao-cum-%d.%s\" download>bao-cao-cum-%d.%s</a>",
			    k++ > 0 ? " · " : "", r->root, year,
			    report_exts[i], year, report_exts[i]);
	html_raw(r->out, "</p>\n");
	cluster_in(r, year, &in);
	if (cluster_report(&in, &doc) == -1)
		return -1;
	html_raw(r->out, "<article class=\"card plan\">\n");
	ret = doc_render(doc, DOC_HTML_FRAGMENT, r->out);
	html_raw(r->out, "</article></section>\n");
	doc_free(doc);
	return ret;
}

/* An admin's own part: the union's year records of last year and this
 * one, and its public key for the head to pin. */
static void
own(struct web_req *r)
{
	int y;

	if (r->s.user.role < ROLE_ADMIN)
		return;
	html_printf(r->out, "<section class=\"card\" aria-labelledby=\"own\">"
	    "<h2 id=\"own\">%s</h2>\n<p>%s</p>\n<p>", L(r, "Báo cáo năm và "
	    "khóa ký của đơn vị", "The union's year records and signing key"),
	    L(r, "Gửi Cụm trưởng báo cáo năm của đơn vị (đã ký), và khóa công "
	    "khai để Cụm trưởng kiểm tra chữ ký.", "Send the cluster's head "
	    "the union's year record (signed), and the public key the head "
	    "checks its signature with."));
	if (r->cfg->org_id != NULL)
		for (y = r->today.y - 1; y <= r->today.y; y++)
			html_printf(r->out, "<a class=\"button secondary\" "
			    "href=\"%s/app/cluster/record-%d.json\" download>%s "
			    "%d</a> ", r->root, y, L(r, "Báo cáo năm",
			    "Year record"), y);
	else
		html_printf(r->out, "%s ", L(r, "(Tệp cấu hình chưa có "
		    "[organisation] id nên chưa xuất được báo cáo năm.)",
		    "(The configuration has no [organisation] id: no year "
		    "record can be made.)"));
	html_printf(r->out, "<a class=\"button secondary\" href=\"%s/app/"
	    "cluster/key.txt\" download>%s</a></p></section>\n", r->root,
	    L(r, "Tải về khóa công khai", "Download the public key"));
}

/* The year chooser: last year and this one, and the year shown. */
static void
chooser(struct web_req *r, int year)
{
	ui_year_chooser(r, "/app/cluster", L(r, "Năm", "Year"), r->today.y - 1,
	    r->today.y, year);
}

/* The page; error (may be NULL) a refused upload's or fetch's reasons. */
static int
page(struct web_req *r, unsigned status, int year, const char *error)
{
	const char *name = r->cfg->cluster_name;

	r->rs->status = status;
	ui_begin(r, L(r, "Cụm", "Cluster"), "cluster");
	if (error != NULL)
		html_printf(r->out, "<div class=\"errors\" role=\"alert\"><p>%s"
		    "</p></div>\n", error);
	if (r->cfg->nmembers == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Đơn vị không làm Cụm "
		    "trưởng: tệp cấu hình chưa có mục [cluster] members.",
		    "The union heads no cluster: the configuration has no "
		    "[cluster] members."));
	else {
		if (name != NULL)
			html_printf(r->out, "<p class=\"lead\">%s</p>\n", name);
		chooser(r, year);
		if (members(r, year) == -1)
			return -1;
		actions(r, year);
		if (report(r, year) == -1)
			return -1;
	}
	own(r);
	ui_end(r);
	return 0;
}

int
web_cluster(struct web_req *r)
{
	return page(r, 200, asked_year(r), NULL);
}

/* After an upload or a fetch: back to the year's page. */
static int
back(struct web_req *r, int year, const char *flash, const char *detail)
{
	char path[64];

	web_dirty(r);
	snprintf(path, sizeof(path), "/app/cluster?year=%d", year);
	return web_redirect_flash(r, path, flash, detail);
}

int
web_cluster_upload(struct web_req *r)
{
	struct received_in in = { 0 };
	enum received_outcome o;
	const char *data, *sent;
	char name[NAME_LEN + 1], why[WHY_MAX], *src;
	size_t len;
	int rc, year = asked_year(r);

	if (r->cfg->nmembers == 0)
		return web_error(r, 404, "Đơn vị không làm Cụm trưởng.",
		    "The union heads no cluster.");
	if (http_req_file(r->hr, "record", &data, &len, &sent) == -1 ||
	    len == 0)
		return page(r, 422, year, L(r, "Hãy chọn tệp báo cáo năm "
		    "(.json) để tải lên.", "Choose a year record (.json) to "
		    "upload."));
	form_file_name(sent, name, sizeof(name));
	src = xasprintf("upload %s", name);
	in.text = data;
	in.len = len;
	in.source = src;
	in.today_year = r->today.y;
	in.who = r->s.user.email;
	in.now = r->now;
	rc = received_import(r->st, r->cfg, &in, &o, why, sizeof(why));
	free(src);
	if (rc == -1)
		return -1;
	if (rc == 1) {
		src = xasprintf("%s: %s", name, why);
		rc = page(r, 422, year, src);
		free(src);
		return rc;
	}
	return back(r, year, outcome_flash(o), name);
}

int
web_cluster_fetch(struct web_req *r)
{
	const struct config *cfg = r->cfg;
	enum received_outcome o;
	struct buf errors;
	char why[WHY_MAX];
	size_t i, tried = 0;
	int year = asked_year(r), rc, ret;

	if (cfg->nmembers == 0)
		return web_error(r, 404, "Đơn vị không làm Cụm trưởng.",
		    "The union heads no cluster.");
	buf_init(&errors);
	for (i = 0; i < cfg->nmembers; i++) {
		if (cfg->members[i].url == NULL)
			continue;
		tried++;
		rc = fetch_member(r->st, cfg, &cfg->members[i], year,
		    r->today.y, r->s.user.email, r->now, &o, why, sizeof(why));
		if (rc == -1) {
			buf_release(&errors);
			return -1;
		}
		if (rc == 1)
			buf_printf(&errors, "%s%s: %s", errors.len ? "; " : "",
			    cfg->members[i].id, why);
	}
	if (tried == 0)
		ret = page(r, 422, year, L(r, "Chưa thành viên nào có địa chỉ "
		    "để lấy báo cáo ([cluster-member] url).", "No member has a "
		    "url to fetch from ([cluster-member] url)."));
	else if (errors.len > 0) {
		web_dirty(r);
		ret = page(r, 502, year, errors.data);
	} else
		ret = back(r, year, "fetched", NULL);
	buf_release(&errors);
	return ret;
}

/* GET /app/cluster/key.txt (admins): the union's public key, as `kyniem
 * key show` prints it. */
static int
key_file(struct web_req *r)
{
	struct sign_key k;
	char *path;
	int rc;

	if (r->s.user.role < ROLE_ADMIN)
		return web_error(r, 403, "Tài khoản của bạn không có quyền "
		    "làm việc này.", "Your account may not do this.");
	path = sign_key_path(r->cfg->db_path);
	rc = sign_key_load(path, &k);
	free(path);
	if (rc == -1)
		return -1;
	if (rc == 1)
		return web_error(r, 404, "Đơn vị chưa có khóa ký: chạy kyniem "
		    "key init trên máy chủ.", "The union has no signing key: "
		    "run kyniem key init on the server.");
	buf_printf(r->out, "%s ed25519 %s\n", r->cfg->org_id != NULL ?
	    r->cfg->org_id : "-", k.pub);
	sign_key_release(&k);
	web_attachment(r, "text/plain; charset=utf-8", "key.txt");
	return 0;
}

/* GET /app/cluster/bao-cao-cum-YEAR.EXT: the consolidated report. */
static int
report_file(struct web_req *r)
{
	struct cluster_input in;
	enum doc_format fmt;
	struct doc *doc;
	char num[5], *name;
	long year;
	int ret;

	memset(&in, 0, sizeof(in));
	if (strlen(r->arg) < 17 || strncmp(r->arg, "bao-cao-cum-", 12) != 0 ||
	    r->arg[16] != '.')
		goto none;
	memcpy(num, r->arg + 12, 4);
	num[4] = '\0';
	if (util_parse_int(num, LUNAR_MIN_YEAR, LUNAR_MAX_YEAR - 1, &year) ==
	    -1 || doc_parse_format(r->arg + 17, &fmt) == -1 || fmt == DOC_CSV ||
	    (fmt == DOC_PDF && !pdf_available()) || r->cfg->nmembers == 0)
		goto none;
	cluster_in(r, (int)year, &in);
	if (cluster_report(&in, &doc) == -1)
		return -1;
	ret = doc_render(doc, fmt, r->out);
	doc_free(doc);
	if (ret == -1)
		return -1;
	name = cluster_filename((int)year, fmt, LANG_VI);
	web_attachment(r, doc_content_type(fmt), name);
	free(name);
	return 0;
none:
	return web_error(r, 404, "Không có tài liệu này.",
	    "There is no such document.");
}

/* GET /app/cluster/record-YEAR.json (admins): the union's year record,
 * signed with its key when it has one, as `kyniem record export`. */
static int
record_file(struct web_req *r)
{
	struct plan_input in;
	struct sign_key k;
	char num[5], *path, disp[80];
	long year;
	int rc, ret;

	if (r->s.user.role < ROLE_ADMIN)
		return web_error(r, 403, "Tài khoản của bạn không có quyền "
		    "làm việc này.", "Your account may not do this.");
	if (strlen(r->arg) == 16)
		memcpy(num, r->arg + 7, 4);
	num[strlen(r->arg) == 16 ? 4 : 0] = '\0';
	if (strlen(r->arg) != 16 || strcmp(r->arg + 11, ".json") != 0 ||
	    util_parse_int(num, LUNAR_MIN_YEAR, r->today.y, &year) == -1 ||
	    r->cfg->org_id == NULL)
		return web_error(r, 404, "Không có tài liệu này.",
		    "There is no such document.");
	path = sign_key_path(r->cfg->db_path);
	rc = sign_key_load(path, &k);
	free(path);
	if (rc == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	in.cfg = r->cfg;
	in.data = r->data;
	in.lunar = r->lunar;
	in.year = (int)year;
	in.lang = LANG_VI;
	in.today = r->today;
	ret = report_record(&in, rc == 0 ? &k : NULL, r->now, web_version(r),
	    r->out);
	if (rc == 0)
		sign_key_release(&k);
	if (ret == -1)
		return -1;
	r->rs->ctype = "application/json";
	/* The name was checked above: digits and our letters. */
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s-%ld.json\"",
	    r->cfg->org_id, year);
	http_resp_header(r->rs, "Content-Disposition", disp);
	return 0;
}

int
web_cluster_file(struct web_req *r)
{
	if (strcmp(r->arg, "key.txt") == 0)
		return key_file(r);
	if (strncmp(r->arg, "record-", 7) == 0)
		return record_file(r);
	return report_file(r);
}
