/*
 * Sao lưu (admins): the newest backup (when, how large, encrypted or
 * not) with its download, every copy retention keeps, and how backups
 * are made and restored.  Making, listing and restoring them is
 * backup.c's; this page only reads [backup] dir.  The dashboard's
 * warning about an old backup is web_home.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "backup.h"
#include "config.h"
#include "escape.h"
#include "file.h"
#include "log.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

/* A file's size as people read it: 812 B, 58 KB, 1,2 MB (vi). */
static void
size_text(struct web_req *r, long long n)
{
	if (n < 1024)
		html_printf(r->out, "%lld B", n);
	else if (n < 1024 * 1024)
		html_printf(r->out, "%lld KB", (n + 512) / 1024);
	else {
		n = (n * 10 + 512 * 1024) / (1024 * 1024);
		html_printf(r->out, "%lld%s%lld MB", n / 10, L(r, ",", "."),
		    n % 10);
	}
}

static const char *
encrypted_text(const struct web_req *r, int encrypted)
{
	return encrypted ? L(r, "Có", "Yes") : L(r, "Không", "No");
}

/* The newest backup, its download and what to do about it. */
static void
latest(struct web_req *r, const struct backup_info *b)
{
	html_printf(r->out, "<section class=\"card\" "
	    "aria-labelledby=\"latest\"><h2 id=\"latest\">%s</h2>\n"
	    "<dl class=\"row\"><dt>%s</dt><dd>",
	    L(r, "Bản sao lưu mới nhất", "The newest backup"),
	    L(r, "Thời điểm", "Taken"));
	ui_time(r, b->created);
	html_printf(r->out, "</dd><dt>%s</dt><dd>", L(r, "Dung lượng",
	    "Size"));
	size_text(r, b->size);
	html_printf(r->out, "</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt>"
	    "<dd><code>%s</code></dd></dl>\n", L(r, "Mã hóa", "Encrypted"),
	    encrypted_text(r, b->encrypted), L(r, "Tệp", "File"), b->name);
	if (backup_stale(b, r->now))
		html_printf(r->out, "<div class=\"errors\" role=\"alert\"><p>%s"
		    "</p></div>\n", L(r, "Bản sao lưu này đã cũ hơn hai ngày: "
		    "việc sao lưu hằng ngày có thể đã dừng. Hãy báo cho người "
		    "quản trị máy chủ.", "This backup is more than two days "
		    "old: the daily backup may have stopped. Tell whoever "
		    "looks after the server."));
	if (!b->encrypted)
		html_printf(r->out, "<p class=\"hint\">%s</p>\n", L(r, "Bản "
		    "sao lưu không được mã hóa: chỉ lưu nó ở nơi an toàn. Đặt "
		    "[backup] key_file trong tệp cấu hình để mã hóa các bản "
		    "sao lưu.", "The backup is not encrypted: keep it "
		    "somewhere safe. Set [backup] key_file in the "
		    "configuration to encrypt backups."));
	html_printf(r->out, "<p><a class=\"button\" href=\"%s/app/backup/"
	    "latest\" download>%s</a></p>\n</section>\n", r->root,
	    L(r, "Tải về bản mới nhất", "Download the newest backup"));
}

static void
copies(struct web_req *r, const struct backup_list *l)
{
	size_t i;

	html_printf(r->out, "<section aria-labelledby=\"copies\"><h2 "
	    "id=\"copies\">%s</h2>\n", L(r, "Các bản đang lưu giữ",
	    "The copies kept"));
	ui_table_begin(r, 1 << 0, L(r, "Thời điểm", "Taken"),
	    L(r, "Dung lượng", "Size"), L(r, "Mã hóa", "Encrypted"),
	    L(r, "Tệp", "File"), NULL);
	for (i = 0; i < l->n; i++) {
		html_raw(r->out, "<tr><td class=\"date\">");
		ui_time(r, l->v[i].created);
		html_raw(r->out, "</td><td>");
		size_text(r, l->v[i].size);
		html_printf(r->out, "</td><td>%s</td><td><code>%s</code></td>"
		    "</tr>\n", encrypted_text(r, l->v[i].encrypted),
		    l->v[i].name);
	}
	html_raw(r->out, "</tbody></table></section>\n");
}

int
web_backup_page(struct web_req *r)
{
	const struct config *cfg = r->cfg;
	struct backup_list l;

	if (backup_list(cfg->backup_dir, &l) == -1)
		return -1;
	ui_begin(r, L(r, "Sao lưu", "Backups"), "backup");
	html_printf(r->out, r->lang == LANG_EN ? "<p>Every night the server "
	    "backs up the database into <code>%s</code> "
	    "and keeps the newest copy of each of the last %d days, %d weeks "
	    "and %d months. Keep a copy elsewhere too: download the newest "
	    "now and then.</p>\n" : "<p>Hằng đêm máy chủ tự động sao lưu cơ "
	    "sở dữ liệu vào <code>%s</code> và giữ bản "
	    "mới nhất của mỗi ngày trong %d ngày, mỗi tuần trong %d tuần, mỗi "
	    "tháng trong %d tháng gần nhất. Nên giữ thêm một bản ở nơi khác: "
	    "thỉnh thoảng tải về bản mới nhất.</p>\n", cfg->backup_dir,
	    cfg->backup_daily, cfg->backup_weekly, cfg->backup_monthly);
	if (l.n == 0)
		html_printf(r->out, "<div class=\"errors\" role=\"alert\"><p>%s"
		    "</p></div>\n", L(r, "Chưa có bản sao lưu nào. Hãy báo cho "
		    "người quản trị máy chủ bật dịch vụ sao lưu hằng ngày.",
		    "There is no backup yet. Ask whoever looks after the "
		    "server to turn the daily backup on."));
	else {
		latest(r, &l.v[0]);
		copies(r, &l);
	}
	html_printf(r->out, "<p class=\"hint\">%s</p>\n", L(r, "Khôi phục "
	    "từ một bản sao lưu là việc của người quản trị máy chủ, theo "
	    "hướng dẫn cài đặt (mục Sao lưu và khôi phục).", "Restoring a "
	    "backup is done on the server by whoever looks after it, as the "
	    "installation guide says (Backups and restoring)."));
	ui_end(r);
	backup_list_release(&l);
	return 0;
}

/* 1 if name can go into a header as it is. */
static int
plain_name(const char *name)
{
	return name[strspn(name, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")] == '\0';
}

int
web_backup_latest(struct web_req *r)
{
	struct backup_list l;
	char *data;
	size_t len;
	int ret = -1;

	if (backup_list(r->cfg->backup_dir, &l) == -1)
		return -1;
	if (l.n == 0) {
		backup_list_release(&l);
		return web_error(r, 404, "Chưa có bản sao lưu nào.",
		    "There is no backup yet.");
	}
	if ((data = file_read(l.v[0].path, &len)) == NULL) {
		log_warn("cannot read '%s'", l.v[0].path);
		goto done;
	}
	/* The whole database leaves the server: the trail says who took
	 * it, or it does not leave. */
	if (audit_event(r->st, r->s.user.email, "backup.download",
	    l.v[0].name, NULL, NULL, r->now) == -1) {
		free(data);
		ret = web_error(r, 503, "Không ghi được nhật ký thay đổi nên "
		    "không tải được bản sao lưu. Hãy thử lại sau; nếu vẫn lỗi, "
		    "hãy báo quản trị viên.", "The audit trail could not be "
		    "written, so the backup cannot be downloaded. Try again "
		    "later; if it persists, tell an administrator.");
		goto done;
	}
	web_attachment(r, "application/octet-stream",
	    plain_name(l.v[0].name) && strlen(l.v[0].name) < 200 ?
	    l.v[0].name : "kyniem-backup" BACKUP_SUFFIX);
	buf_add(r->out, data, len);
	free(data);
	ret = 0;
done:
	backup_list_release(&l);
	return ret;
}
