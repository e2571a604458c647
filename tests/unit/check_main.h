/*
 * The main() every unit test shares: run the Suite that the test file's
 * suite() builds, print Check's summary line (tests/run reads it) and exit
 * non-zero on any failure.  Included at the end of each test_*.c.
 */
#include <check.h>
#include <stdlib.h>

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
