/* Tab completion for the REPL: names in __main__ and builtins and the
 * keywords, attributes of `name.name...` chains (found with getattr and
 * dir(); no other code runs), and module names after `import`/`from`. */
#ifndef PX_REPL_COMPLETE_H
#define PX_REPL_COMPLETE_H

#include <stddef.h>
#include "runtime.h"

/* Completions of the word that ends at text[n]: a sorted list of str
 * without duplicates (maybe empty). *word_len receives the length of the
 * partial name being completed (after the last dot). Never raises. */
px_val px_complete(const char *text, size_t n, size_t *word_len);

#endif
