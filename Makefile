# kyniem: one non-recursive Makefile.  `make` builds build/kyniem,
# `make check` builds with -Werror and runs the unit tests and every CLI
# and integration test twice, on this build and on an AddressSanitizer/
# UBSan one (tests/run), `make run` starts the main job on the embedded
# database, `make deb` builds the Debian package.

PREFIX ?= /usr/local
DESTDIR ?=
PYTHON ?= /usr/bin/python3
NODE ?= node
BUILD ?= build
SANBUILD ?= build-san
SANITIZE ?=
WERROR ?=
# The version is kept in one place, the first line of debian/changelog.
# (The sed script is a variable of its own: make would end $(shell at its
# first unbalanced parenthesis.)
VERSION_SED = 1s/^[^ ]* (\([^)]*\)).*/\1/p
VERSION := $(shell sed -n '$(VERSION_SED)' debian/changelog 2>/dev/null)

PKGS = sqlite3 libical libcurl libmicrohttpd inih libzip libsystemd zlib \
	libsodium icu-uc icu-i18n jansson
TESTPKGS = check

SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla
CFLAGS ?= -O2 -g
KCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
	-MMD -MP $(if $(WERROR),-Werror) \
	$(if $(SANITIZE),$(SANFLAGS)) \
	-DKYNIEM_DATADIR='"$(PREFIX)/share/kyniem"' \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
KLDFLAGS = $(if $(SANITIZE),$(SANFLAGS))
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
TESTLIBS = $(shell pkg-config --libs $(TESTPKGS) 2>/dev/null)

# The layers of src/ (src/LAYERS), as scripts/layers prints them: each
# folder and the folders its files may include, "core:core,lib".  Every
# folder compiles with those include paths only, so an include of a peer's
# or a higher layer's header does not compile (scripts/check-layers says
# which, and make check runs it).
LAYERS := $(shell scripts/layers)
LAYER_DIRS := $(foreach l,$(LAYERS),$(firstword $(subst :, ,$(l))))
comma := ,
layer_dirs = $(subst $(comma), ,$(patsubst $(1):%,%,$(filter $(1):%,$(LAYERS))))
layer_inc = $(addprefix -Isrc/,$(call layer_dirs,$(1)))
ALL_INC = $(addprefix -Isrc/,$(LAYER_DIRS))

# Modules (everything but main.c), one per line, by folder.
SRCS = \
	src/cli/cmd_activity.c \
	src/cli/cmd_anniversaries.c \
	src/cli/cmd_audit.c \
	src/cli/cmd_backup.c \
	src/cli/cmd_cluster.c \
	src/cli/cmd_contact.c \
	src/cli/cmd_export.c \
	src/cli/cmd_feed.c \
	src/cli/cmd_import.c \
	src/cli/cmd_init.c \
	src/cli/cmd_key.c \
	src/cli/cmd_letters.c \
	src/cli/cmd_list.c \
	src/cli/cmd_lunar.c \
	src/cli/cmd_member.c \
	src/cli/cmd_merge.c \
	src/cli/cmd_outbox.c \
	src/cli/cmd_plan.c \
	src/cli/cmd_recipient.c \
	src/cli/cmd_record.c \
	src/cli/cmd_remind.c \
	src/cli/cmd_report.c \
	src/cli/cmd_restore.c \
	src/cli/cmd_serve.c \
	src/cli/cmd_show.c \
	src/cli/cmd_text.c \
	src/cli/cmd_upcoming.c \
	src/cli/cmd_user.c \
	src/cli/options.c \
	src/cli/output.c \
	src/cli/query.c \
	src/cli/yearly.c \
	src/core/config.c \
	src/core/config_check.c \
	src/core/config_defaults.c \
	src/core/contact_sel.c \
	src/core/lunar.c \
	src/core/record.c \
	src/core/rules.c \
	src/core/rules_title.c \
	src/core/select.c \
	src/feed/feed.c \
	src/feed/ical.c \
	src/feed/page.c \
	src/import/fetch.c \
	src/import/icsline.c \
	src/import/import.c \
	src/import/import_csv.c \
	src/import/import_event.c \
	src/import/import_ics.c \
	src/import/import_keys.c \
	src/import/recur.c \
	src/lib/collate.c \
	src/lib/csv.c \
	src/lib/escape.c \
	src/lib/field.c \
	src/lib/file.c \
	src/lib/input.c \
	src/lib/jcs.c \
	src/lib/jsonw.c \
	src/lib/log.c \
	src/lib/sign.c \
	src/lib/text.c \
	src/lib/token.c \
	src/lib/util.c \
	src/lib/vntime.c \
	src/mail/invite.c \
	src/mail/mail_smtp.c \
	src/mail/message.c \
	src/mail/remind.c \
	src/mail/remind_mail.c \
	src/mail/sender.c \
	src/paper/cluster.c \
	src/paper/cluster_record.c \
	src/paper/doc.c \
	src/paper/docx.c \
	src/paper/letter.c \
	src/paper/letter_tmpl.c \
	src/paper/letter_words.c \
	src/paper/narrative.c \
	src/paper/pdf.c \
	src/paper/plan.c \
	src/paper/plan_appendix.c \
	src/paper/plan_place.c \
	src/paper/report.c \
	src/paper/report_check.c \
	src/paper/report_line.c \
	src/paper/report_record.c \
	src/serve/conns.c \
	src/serve/form.c \
	src/serve/http.c \
	src/serve/httpreq.c \
	src/serve/site.c \
	src/serve/snap.c \
	src/store/activity.c \
	src/store/activity_db.c \
	src/store/audit.c \
	src/store/backup.c \
	src/store/backup_fmt.c \
	src/store/backup_restore.c \
	src/store/contact.c \
	src/store/contact_db.c \
	src/store/correction.c \
	src/store/dataset.c \
	src/store/member.c \
	src/store/merge.c \
	src/store/outbox.c \
	src/store/plan_choice.c \
	src/store/rank.c \
	src/store/received.c \
	src/store/recipient.c \
	src/store/session.c \
	src/store/store.c \
	src/store/texts.c \
	src/store/throttle.c \
	src/store/trash.c \
	src/store/user.c \
	src/store/wording.c \
	src/web/assets.c \
	src/web/pick.c \
	src/web/route.c \
	src/web/search.c \
	src/web/ui.c \
	src/web/web.c \
	src/web/web_activities.c \
	src/web/web_activity.c \
	src/web/web_audit.c \
	src/web/web_backup.c \
	src/web/web_check.c \
	src/web/web_cluster.c \
	src/web/web_contacts.c \
	src/web/web_docs.c \
	src/web/web_home.c \
	src/web/web_import.c \
	src/web/web_letters.c \
	src/web/web_members.c \
	src/web/web_occasion.c \
	src/web/web_outbox.c \
	src/web/web_recipients.c \
	src/web/web_search.c \
	src/web/web_session.c \
	src/web/web_static.c \
	src/web/web_texts.c \
	src/web/web_thread.c \
	src/web/web_trash.c \
	src/web/web_users.c \
	src/web/web_verify.c \
	src/web/web_month.c \
	src/web/word_index.c \
	src/web/web_year.c

# Unit tests: tests/unit/test_NAME.c, one per module, linked with the
# archives of the module's folder and the folders below it only.
UNITS = \
	tests/unit/test_activity.c \
	tests/unit/test_audit.c \
	tests/unit/test_backup.c \
	tests/unit/test_collate.c \
	tests/unit/test_config.c \
	tests/unit/test_conns.c \
	tests/unit/test_contact.c \
	tests/unit/test_correction.c \
	tests/unit/test_csv.c \
	tests/unit/test_doc.c \
	tests/unit/test_escape.c \
	tests/unit/test_field.c \
	tests/unit/test_httpreq.c \
	tests/unit/test_icsline.c \
	tests/unit/test_import.c \
	tests/unit/test_jcs.c \
	tests/unit/test_jsonw.c \
	tests/unit/test_lunar.c \
	tests/unit/test_message.c \
	tests/unit/test_plan.c \
	tests/unit/test_record.c \
	tests/unit/test_remind.c \
	tests/unit/test_report.c \
	tests/unit/test_route.c \
	tests/unit/test_rules.c \
	tests/unit/test_select.c \
	tests/unit/test_sign.c \
	tests/unit/test_store.c \
	tests/unit/test_text.c \
	tests/unit/test_texts.c \
	tests/unit/test_throttle.c \
	tests/unit/test_token.c \
	tests/unit/test_util.c \
	tests/unit/test_vntime.c \
	tests/unit/test_word_index.c

# The web application's static files, compiled in (scripts/embed).
ASSETS = \
	src/web/static/app.css \
	src/web/static/app.js

# The letters' shipped templates, compiled in: a config without a
# template of its own falls back to them (scripts/embed-text).
TEMPLATES = config/letter.vi.txt config/letter.en.txt

OBJS = $(SRCS:%.c=$(BUILD)/%.o) $(BUILD)/src/web/assets_data.o \
	$(BUILD)/src/paper/letter_shipped.o
UNITBINS = $(UNITS:%.c=$(BUILD)/%)

all: $(BUILD)/kyniem

# A source of src/DIR/ sees the headers of DIR's layer and below.
$(BUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) $(call layer_inc,$(firstword $(subst /, ,$*))) \
	    $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/src/web/assets_data.c: $(ASSETS) scripts/embed
	@mkdir -p $(dir $@)
	scripts/embed $@ $(ASSETS)

$(BUILD)/src/web/assets_data.o: $(BUILD)/src/web/assets_data.c
	$(CC) $(KCFLAGS) $(CPPFLAGS) $(CFLAGS) $(call layer_inc,web) -c -o $@ $<

$(BUILD)/src/paper/letter_shipped.c: $(TEMPLATES) scripts/embed-text
	@mkdir -p $(dir $@)
	scripts/embed-text $@ letter_tmpl.h letter_shipped_vi \
	    config/letter.vi.txt letter_shipped_en config/letter.en.txt

$(BUILD)/src/paper/letter_shipped.o: $(BUILD)/src/paper/letter_shipped.c
	$(CC) $(KCFLAGS) $(CPPFLAGS) $(CFLAGS) $(call layer_inc,paper) -c -o $@ $<

# Only main.c prints the version: a new changelog entry rebuilds it alone.
$(BUILD)/src/cli/main.o: KCFLAGS += -DKYNIEM_VERSION='"$(VERSION)"'
$(BUILD)/src/cli/main.o: debian/changelog

$(BUILD)/libkyniem.a: $(OBJS)
	rm -f $@
	ar rcs $@ $(OBJS)

# One archive per folder, for the unit tests.
define layer_archive
$(BUILD)/layer-$(1).a: $(filter $(BUILD)/src/$(1)/%,$(OBJS))
	rm -f $$@
	ar rcs $$@ $$^
endef
$(foreach d,$(LAYER_DIRS),$(eval $(call layer_archive,$(d))))

$(BUILD)/kyniem: $(BUILD)/src/cli/main.o $(BUILD)/libkyniem.a
	$(CC) $(KLDFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# test_NAME's folder: that of src/*/NAME.c.
unit_dir = $(patsubst src/%/,%,$(dir $(firstword $(wildcard \
	src/*/$(patsubst test_%,%,$(1)).c))))
unit_archives = $(foreach d,$(call layer_dirs,$(call unit_dir,$(1))), \
	$(BUILD)/layer-$(d).a)

.SECONDEXPANSION:
$(BUILD)/tests/unit/%: $(BUILD)/tests/unit/%.o $$(call unit_archives,$$*)
	$(CC) $(KLDFLAGS) $(LDFLAGS) -o $@ $^ $(TESTLIBS) $(LIBS)

$(BUILD)/tests/unit/%.o: KCFLAGS += $(call layer_inc,$(call unit_dir,$(notdir \
	$(basename $@)))) $(shell pkg-config --cflags check 2>/dev/null)

units: $(UNITBINS)

# Install missing build and test packages first (scripts/install-deps
# checks each package and is fast when everything is present).
deps:
	@scripts/install-deps test

var/kyniem.db: $(BUILD)/kyniem $(wildcard calendars/*.csv calendars/local/*.csv)
	@mkdir -p var
	$(BUILD)/kyniem init

# The first run also makes an administrator account and prints the link
# that sets its password (`kyniem user reset admin@example.org` makes a
# new one).
run:
	@scripts/install-deps build
	$(MAKE) all
	$(MAKE) var/kyniem.db
	@[ -n "$$($(BUILD)/kyniem user list)" ] || $(BUILD)/kyniem user add \
	    admin@example.org --name "Quản trị viên" --role admin
	$(BUILD)/kyniem serve

# make check builds on every CPU (CHECKJOBS) and tests/run runs as many
# tests at once: on 2 cores it must stay well under 10 minutes.
CHECKJOBS ?= -j$(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

check: deps
	$(MAKE) $(CHECKJOBS) WERROR=1 all units
	$(MAKE) $(CHECKJOBS) WERROR=1 SANITIZE=1 BUILD=$(SANBUILD) \
	    $(SANBUILD)/kyniem units-san fuzz-replay
	BUILD=$(BUILD) SANBUILD=$(SANBUILD) PYTHON=$(PYTHON) NODE=$(NODE) \
	    UNITS='$(UNITS)' tests/run

units-san: $(UNITBINS)

bench: deps
	scripts/install-deps bench
	$(MAKE) all
	BUILD=$(BUILD) PYTHON=$(PYTHON) NODE=$(NODE) bench/run

clean:
	rm -rf $(BUILD) $(SANBUILD)
	rm -f kyniem_*.deb

.PHONY: all units units-san deps run check bench clean
-include $(shell find $(BUILD) $(SANBUILD) -name '*.d' 2>/dev/null)
include tests/fuzz/fuzz.mk

# Installation (see README.md, "Deploying").  Units go where systemd looks
# for them under PREFIX: /usr/local/lib/systemd/system is on systemd's
# default search path, and so are the sysusers.d and tmpfiles.d dirs there.
# The config and the letters' templates live in /etc whatever PREFIX is;
# an existing kyniem.conf or template is never overwritten.  `make
# uninstall` keeps them and the database.
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/kyniem
DOCDIR = $(PREFIX)/share/doc/kyniem
MANDIR = $(PREFIX)/share/man
SYSCONFDIR = /etc
UNITDIR = $(PREFIX)/lib/systemd/system
SYSUSERSDIR = $(PREFIX)/lib/sysusers.d
TMPFILESDIR = $(PREFIX)/lib/tmpfiles.d
UNITFILES = kyniem.service kyniem.socket kyniem-remind.service \
	kyniem-remind.timer kyniem-backup.service kyniem-backup.timer
CALFILES = $(shell cd calendars && find . -type f \( -name '*.csv' -o \
	-name '*.md' \) | sort)

# cmd_init.o has $(PREFIX)/share/kyniem compiled in: rebuild on a new PREFIX.
$(BUILD)/.prefix: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' >$@
$(BUILD)/src/cli/cmd_init.o: $(BUILD)/.prefix

install: $(BUILD)/kyniem
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(UNITDIR) \
	    $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
	    $(DESTDIR)$(DOCDIR) $(DESTDIR)$(SYSCONFDIR)/kyniem
	install -m 755 $(BUILD)/kyniem $(DESTDIR)$(BINDIR)/kyniem
	for f in $(CALFILES); do \
	    install -D -m 644 calendars/$$f \
	    $(DESTDIR)$(DATADIR)/calendars/$$f || exit 1; done
	install -m 644 doc/kyniem.1 $(DESTDIR)$(MANDIR)/man1/kyniem.1
	install -m 644 doc/kyniem.conf.5 $(DESTDIR)$(MANDIR)/man5/kyniem.conf.5
	for u in $(UNITFILES); do \
	    sed 's|/usr/local/bin/kyniem|$(BINDIR)/kyniem|' systemd/$$u \
	    >$(DESTDIR)$(UNITDIR)/$$u && chmod 644 $(DESTDIR)$(UNITDIR)/$$u \
	    || exit 1; done
	install -m 644 systemd/kyniem.sysusers \
	    $(DESTDIR)$(SYSUSERSDIR)/kyniem.conf
	install -m 644 systemd/kyniem.tmpfiles \
	    $(DESTDIR)$(TMPFILESDIR)/kyniem.conf
	install -m 644 README.md config/nginx-kyniem.conf $(DESTDIR)$(DOCDIR)
	install -m 644 config/kyniem.conf.example \
	    $(DESTDIR)$(SYSCONFDIR)/kyniem/kyniem.conf.example
	test -e $(DESTDIR)$(SYSCONFDIR)/kyniem/kyniem.conf || \
	    install -m 644 config/kyniem.conf.example \
	    $(DESTDIR)$(SYSCONFDIR)/kyniem/kyniem.conf
	for t in letter.vi.txt letter.en.txt; do \
	    test -e $(DESTDIR)$(SYSCONFDIR)/kyniem/$$t || \
	    install -m 644 config/$$t $(DESTDIR)$(SYSCONFDIR)/kyniem/$$t || \
	    exit 1; done
	@if [ -z '$(DESTDIR)' ] && [ -d /run/systemd/system ]; then \
	    echo 'creating the kyniem user and /var/lib/kyniem'; \
	    systemd-sysusers $(SYSUSERSDIR)/kyniem.conf && \
	    systemd-tmpfiles --create $(TMPFILESDIR)/kyniem.conf && \
	    systemctl daemon-reload; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kyniem \
	    $(DESTDIR)$(MANDIR)/man1/kyniem.1 \
	    $(DESTDIR)$(MANDIR)/man5/kyniem.conf.5 \
	    $(UNITFILES:%=$(DESTDIR)$(UNITDIR)/%) \
	    $(DESTDIR)$(SYSUSERSDIR)/kyniem.conf \
	    $(DESTDIR)$(TMPFILESDIR)/kyniem.conf \
	    $(DESTDIR)$(DOCDIR)/README.md $(DESTDIR)$(DOCDIR)/nginx-kyniem.conf \
	    $(DESTDIR)$(SYSCONFDIR)/kyniem/kyniem.conf.example
	rm -rf $(DESTDIR)$(DATADIR)/calendars
	rmdir $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR) 2>/dev/null || true
	@if [ -z '$(DESTDIR)' ] && [ -d /run/systemd/system ]; then \
	    systemctl daemon-reload; fi

FORCE:
.PHONY: install uninstall FORCE

# The Debian package (debian/; README.md, "Installing").  scripts/build-deb
# builds it with dpkg-buildpackage in a copy of the tree under $(DEBDIR), so
# the checkout stays clean; `make deb` leaves kyniem_VERSION_ARCH.deb here.
# `make check-deb` builds it and runs tests/integration/t9001-deb.sh on it
# (lintian, then install, upgrade, remove and purge in a throwaway root).
DEBDIR = $(BUILD)/deb
DEBFILE = kyniem_$(VERSION)_$(shell dpkg --print-architecture).deb

deb:
	@scripts/install-deps deb
	scripts/build-deb $(DEBDIR)
	cp $(DEBDIR)/$(DEBFILE) .
	@echo "built $(DEBFILE)"

check-deb: deps
	$(MAKE) deb
	DEBDIR='$(abspath $(DEBDIR))' BUILD=$(BUILD) tests/run t9001-deb

.PHONY: deb check-deb
