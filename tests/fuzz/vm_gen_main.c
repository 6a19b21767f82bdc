/* fuzz_vm_gen FILE: print the program vm_gen.c makes from FILE's bytes
 * (for tests/fuzz/vm_diff.py and for reading what fuzz_vm ran). */
#include <stdio.h>
#include <stdlib.h>

#include "vm_gen.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    size_t len;
    char *src = vm_gen_program(buf, n, &len);
    fwrite(src, 1, len, stdout);
    free(src);
    return 0;
}
