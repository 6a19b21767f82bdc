/* The terse-errors build CI tests (build-terse in tests/run.py): messages
 * of exceptions raised by C code left out (PX_ERROR_TEXT=0). Not part of
 * minimal.h: the minimal build's checks read the messages that say a
 * feature is missing, and most language tests print messages. */
#define PX_ERROR_TEXT 0
