# AES-128 in pure Python: the S-box derived from GF(2^8) inverses, key
# expansion, the forward and inverse ciphers on lists of byte values, used
# in CBC mode to encrypt and decrypt a buffer. Checked against the FIPS-197
# example vector and by the round trip.
from benchlib import measure, Lcg


def gf_mul(a, b):
    p = 0
    while b:
        if b & 1:
            p ^= a
        a <<= 1
        if a & 0x100:
            a ^= 0x11B
        b >>= 1
    return p


def make_sbox():
    inverse = [0] * 256
    for a in range(1, 256):
        for b in range(1, 256):
            if gf_mul(a, b) == 1:
                inverse[a] = b
                break
    sbox = [0] * 256
    for a in range(256):
        x = inverse[a]
        y = x
        for _ in range(4):
            x = ((x << 1) | (x >> 7)) & 0xFF
            y ^= x
        sbox[a] = y ^ 0x63
    inv = [0] * 256
    for a in range(256):
        inv[sbox[a]] = a
    return sbox, inv


SBOX, INV_SBOX = make_sbox()
MUL = {k: [gf_mul(a, k) for a in range(256)] for k in (2, 3, 9, 11, 13, 14)}


def expand_key(key):
    words = [list(key[i:i + 4]) for i in range(0, 16, 4)]
    rcon = 1
    for i in range(4, 44):
        w = list(words[i - 1])
        if i % 4 == 0:
            w = w[1:] + w[:1]
            w = [SBOX[b] for b in w]
            w[0] ^= rcon
            rcon = gf_mul(rcon, 2)
        words.append([a ^ b for a, b in zip(words[i - 4], w)])
    return [sum(words[4 * r:4 * r + 4], []) for r in range(11)]


def add_round_key(state, rk):
    for i in range(16):
        state[i] ^= rk[i]


def shift_rows(s, sign):
    # state is column-major: byte (row r, column c) is s[4*c + r]
    for r in range(1, 4):
        row = [s[4 * c + r] for c in range(4)]
        k = r * sign % 4
        row = row[k:] + row[:k]
        for c in range(4):
            s[4 * c + r] = row[c]


def mix_columns(s, m):
    a, b, c, d = MUL[m[0]], MUL[m[1]], MUL[m[2]], MUL[m[3]]
    for i in range(0, 16, 4):
        s0, s1, s2, s3 = s[i], s[i + 1], s[i + 2], s[i + 3]
        s[i] = a[s0] ^ b[s1] ^ c[s2] ^ d[s3]
        s[i + 1] = d[s0] ^ a[s1] ^ b[s2] ^ c[s3]
        s[i + 2] = c[s0] ^ d[s1] ^ a[s2] ^ b[s3]
        s[i + 3] = b[s0] ^ c[s1] ^ d[s2] ^ a[s3]


FWD = (2, 3, 1, 1)
INV = (14, 11, 13, 9)
MUL[1] = list(range(256))


def encrypt_block(block, rks):
    s = list(block)
    add_round_key(s, rks[0])
    for rnd in range(1, 11):
        s = [SBOX[b] for b in s]
        shift_rows(s, 1)
        if rnd != 10:
            mix_columns(s, FWD)
        add_round_key(s, rks[rnd])
    return s


def decrypt_block(block, rks):
    s = list(block)
    add_round_key(s, rks[10])
    for rnd in range(9, -1, -1):
        shift_rows(s, -1)
        s = [INV_SBOX[b] for b in s]
        add_round_key(s, rks[rnd])
        if rnd != 0:
            mix_columns(s, INV)
    return s


def cbc(data, key, iv, decrypt):
    rks = expand_key(key)
    out = []
    prev = list(iv)
    for i in range(0, len(data), 16):
        block = list(data[i:i + 16])
        if decrypt:
            plain = decrypt_block(block, rks)
            out += [a ^ b for a, b in zip(plain, prev)]
            prev = block
        else:
            prev = encrypt_block([a ^ b for a, b in zip(block, prev)], rks)
            out += prev
    return bytes(out)


def run():
    key = bytes(range(16))
    vector = encrypt_block(bytes.fromhex("00112233445566778899aabbccddeeff"), expand_key(key))
    if bytes(vector).hex() != "69c4e0d86a7b0430d8cdb78070b4c55a":
        return "FIPS-197 vector failed: " + bytes(vector).hex()
    rng = Lcg(5)
    data = bytes(rng.below(256) for _ in range(16384))
    iv = bytes(rng.below(256) for _ in range(16))
    enc = cbc(data, key, iv, False)
    dec = cbc(enc, key, iv, True)
    return dec == data, enc[-16:].hex()


measure(run, (True, 'a4e4b7246797f2d60d95065ebec578a8'))
