/* Huffman code lengths by the two-queue method: the used symbols sorted
 * by weight form one queue, the merged nodes (made in increasing weight
 * order) the other, so each merge takes the two lightest heads. When the
 * deepest leaf is deeper than allowed, the weights are halved (each kept
 * at least 1) and the tree built again: flatter each time, and with all
 * weights 1 it is balanced (depth 9 for 286 symbols, 5 for 19), so it
 * ends. The result is optimal unless a limit was hit, then close to it. */
#include <string.h>

#include "deflate_huff.h"

/* Insertion sort of the leaves by weight (at most 286: cheaper than
 * anything cleverer at this size, and stable, so equal weights keep
 * symbol order and the output is deterministic). */
static void sort_leaves(px_huff_work *w, unsigned m) {
    for (unsigned i = 1; i < m; i++) {
        uint16_t s = w->leaf[i];
        uint16_t ws = w->weight[s];
        unsigned j = i;
        while (j > 0 && w->weight[w->leaf[j - 1]] > ws) {
            w->leaf[j] = w->leaf[j - 1];
            j--;
        }
        w->leaf[j] = s;
    }
}

/* Depth of each leaf for the weights in w->weight[0..n); returns the
 * deepest. Internal nodes are numbered n, n+1, ... in creation order. */
static unsigned build_tree(px_huff_work *w, unsigned n, unsigned m) {
    sort_leaves(w, m);
    unsigned li = 0, ni = n, next = n; /* heads of the two queues; the next node */
    for (unsigned k = 0; k + 1 < m; k++) {
        unsigned pick[2];
        for (int t = 0; t < 2; t++) {
            if (li < m && (ni == next || w->weight[w->leaf[li]] <= w->weight[ni])) {
                pick[t] = w->leaf[li++];
            } else {
                pick[t] = ni++;
            }
        }
        w->weight[next] = (uint16_t)(w->weight[pick[0]] + w->weight[pick[1]]);
        w->parent[pick[0]] = w->parent[pick[1]] = (uint16_t)next;
        next++;
    }
    /* the root is the last node made (n + m - 2); parents come after
     * their children */
    unsigned root = n + m - 2, deepest = 0;
    w->depth[root] = 0;
    for (unsigned v = root; v-- > n;) {
        w->depth[v] = (uint8_t)(w->depth[w->parent[v]] + 1);
    }
    for (unsigned i = 0; i < m; i++) {
        unsigned s = w->leaf[i];
        w->depth[s] = (uint8_t)(w->depth[w->parent[s]] + 1);
        if (w->depth[s] > deepest) {
            deepest = w->depth[s];
        }
    }
    return deepest;
}

void px_huff_lengths(const uint16_t *freq, unsigned n, unsigned maxlen, uint8_t *len, px_huff_work *w) {
    unsigned m = 0;
    for (unsigned i = 0; i < n; i++) {
        w->weight[i] = freq[i];
        m += freq[i] != 0;
    }
    for (unsigned i = 0; m < 2 && i < 2; i++) {
        if (w->weight[i] == 0) {
            w->weight[i] = 1;
            m++;
        }
    }
    for (;;) {
        unsigned k = 0;
        for (unsigned i = 0; i < n; i++) {
            if (w->weight[i] != 0) {
                w->leaf[k++] = (uint16_t)i;
            }
        }
        if (build_tree(w, n, m) <= maxlen) {
            break;
        }
        for (unsigned i = 0; i < n; i++) {
            if (w->weight[i] != 0) {
                w->weight[i] = (uint16_t)((w->weight[i] >> 1) | 1);
            }
        }
    }
    for (unsigned i = 0; i < n; i++) {
        len[i] = w->weight[i] != 0 ? w->depth[i] : 0;
    }
}

void px_huff_codes(const uint8_t *len, unsigned n, uint16_t *code) {
    uint16_t count[16] = {0}, next[16];
    for (unsigned i = 0; i < n; i++) {
        count[len[i]]++;
    }
    count[0] = 0;
    unsigned c = 0;
    for (unsigned b = 1; b < 16; b++) {
        c = (c + count[b - 1]) << 1;
        next[b] = (uint16_t)c;
    }
    for (unsigned i = 0; i < n; i++) {
        unsigned l = len[i];
        if (l == 0) {
            code[i] = 0;
            continue;
        }
        unsigned v = next[l]++, r = 0;
        for (unsigned b = 0; b < l; b++) {
            r = (r << 1) | ((v >> b) & 1);
        }
        code[i] = (uint16_t)r;
    }
}
