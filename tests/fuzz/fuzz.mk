# Fuzzing and memcheck (issue 8), included by the Makefile.  Every tests/fuzz/fuzz_*.c
# is a libFuzzer target linked with the modules built by clang with
# AddressSanitizer and UBSan into $(FUZZBUILD).  `make fuzz FUZZ_SECONDS=N`
# runs each target N seconds from its seed corpus; `make fuzz-build` only
# builds them.  make check replays the corpora as regression tests through
# the same targets built without libFuzzer (fuzz-replay, below).

FUZZCC ?= clang
FUZZBUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined
FUZZOBJS = $(SRCS:%.c=$(FUZZBUILD)/%.o)
FUZZBINS = $(FUZZ_TARGETS:%=$(FUZZBUILD)/%)

$(FUZZBUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZCC) $(KCFLAGS) $(call layer_inc,$(firstword $(subst /, ,$*))) \
	    $(FUZZFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZBUILD)/libkyniem.a: $(FUZZOBJS)
	rm -f $@
	ar rcs $@ $(FUZZOBJS)

$(FUZZBUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZBUILD)/libkyniem.a
	$(FUZZCC) $(filter-out -MMD -MP,$(KCFLAGS)) $(FUZZFLAGS) $(ALL_INC) \
	    -DKYNIEM_SRCDIR='"$(CURDIR)"' -fsanitize=fuzzer -o $@ $< \
	    $(FUZZBUILD)/libkyniem.a $(LIBS)

fuzz-build: $(FUZZBINS)

# The same targets linked with tests/fuzz/replay.c instead of libFuzzer, in
# $(BUILD) (make check: the sanitizer build): t8001 replays the corpora
# through them without a clang build of every module.
REPLAYBINS = $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/%)

$(BUILD)/tests/fuzz/%.o: KCFLAGS += $(ALL_INC) -DKYNIEM_SRCDIR='"$(CURDIR)"'

$(BUILD)/tests/fuzz/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o \
    $(BUILD)/tests/fuzz/replay.o $(BUILD)/libkyniem.a
	$(CC) $(KLDFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

fuzz-replay: $(REPLAYBINS)

fuzz: fuzz-build
	FUZZBUILD=$(FUZZBUILD) tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)

.PHONY: fuzz fuzz-build fuzz-replay
-include $(shell find $(FUZZBUILD) -name '*.d' 2>/dev/null)

# Valgrind memcheck over an integration run of the commands, the server
# and remind (tests/integration/t8005-memcheck.sh).
# It takes a minute and a half of one core, so `make check` leaves it to
# this target, which .ci/run runs after make check.
memcheck: all
	KYNIEM_MEMCHECK=1 KYNIEM_BUILDS=normal BUILD=$(BUILD) PYTHON=$(PYTHON) \
	    NODE=$(NODE) tests/run memcheck

.PHONY: memcheck
