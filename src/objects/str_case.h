/* Character classes and simple case mapping (see strcase.c for the scope). */
#ifndef PX_STR_CASE_H
#define PX_STR_CASE_H

#include "str_impl.h"

uint32_t px_cp_lower(uint32_t c);
uint32_t px_cp_upper(uint32_t c);
bool px_cp_isupper(uint32_t c);
bool px_cp_islower(uint32_t c);
bool px_cp_isdigit(uint32_t c);
bool px_cp_isdecimal(uint32_t c);
bool px_cp_isnumeric(uint32_t c);
bool px_cp_isalpha(uint32_t c);
bool px_cp_isalnum(uint32_t c);
bool px_cp_iscased(uint32_t c);

#endif
