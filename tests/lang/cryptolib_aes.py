# cryptolib.aes: the known answers of FIPS-197 (appendix C) and NIST
# SP 800-38A (F.1 ECB, F.2 CBC, F.5 CTR) for 128-, 192- and 256-bit keys;
# pieces and in-place use; errors. CPython has no cryptolib: .exp file.
import cryptolib

h = bytes.fromhex

# FIPS-197 C.1-C.3
PT = h("00112233445566778899aabbccddeeff")
for key, ct in [
    ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
    ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
    ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
]:
    got = cryptolib.aes(h(key), 1).encrypt(PT)
    back = cryptolib.aes(h(key), 1).decrypt(got)
    print(len(key) * 4, got.hex(), got == h(ct), back == PT)

# SP 800-38A: the same four plaintext blocks in every mode
P = h("6bc1bee22e409f96e93d7e117393172a" "ae2d8a571e03ac9c9eb76fac45af8e51"
      "30c81c46a35ce411e5fbc1191a0a52ef" "f69f2445df4f9b17ad2b417be66c3710")
K128 = h("2b7e151628aed2a6abf7158809cf4f3c")
K192 = h("8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b")
K256 = h("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
IV = h("000102030405060708090a0b0c0d0e0f")
CTR = h("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
VECTORS = [
    ("ECB-AES128", K128, 1, None, "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
     "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4"),
    ("ECB-AES192", K192, 1, None, "bd334f1d6e45f25ff712a214571fa5cc974104846d0ad3ad7734ecb3ecee4eef"
     "ef7afd2270e2e60adce0ba2face6444e9a4b41ba738d6c72fb16691603c18e0e"),
    ("ECB-AES256", K256, 1, None, "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a31362870"
     "b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff067d8d8f9e24ecc7"),
    ("CBC-AES128", K128, 2, IV, "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
     "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"),
    ("CBC-AES192", K192, 2, IV, "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a"
     "571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd"),
    ("CBC-AES256", K256, 2, IV, "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
     "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b"),
    ("CTR-AES128", K128, 6, CTR, "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
     "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"),
    ("CTR-AES192", K192, 6, CTR, "1abc932417521ca24f2b0459fe7e6e0b090339ec0aa6faefd5ccc2c6f4ce8e94"
     "1e36b26bd1ebc670d1bd1d665620abf74f78a7f6d29809585a97daec58c6b050"),
    ("CTR-AES256", K256, 6, CTR, "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
     "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6"),
]
for name, key, mode, iv, want in VECTORS:
    args = (key, mode) if iv is None else (key, mode, iv)
    ct = cryptolib.aes(*args).encrypt(P)
    pt = cryptolib.aes(*args).decrypt(h(want))
    # block by block on one object: the chaining state carries over
    enc = cryptolib.aes(*args)
    pieces = b"".join(enc.encrypt(P[i:i + 16]) for i in range(0, 64, 16))
    print(name, ct == h(want), pt == P, pieces == ct)

# CTR: any length, the key stream carries over between calls
for cuts in ([5, 11, 0, 30, 18], [1] * 64, [63, 1]):
    enc = cryptolib.aes(K128, cryptolib.MODE_CTR, CTR)
    out, at = b"", 0
    for n in cuts:
        out += enc.encrypt(P[at:at + n])
        at += n
    print("CTR pieces", cuts[:3], out == h(VECTORS[6][4]))
# the counter is 128 bits wide: it carries out of the low bytes
enc = cryptolib.aes(K128, 6, b"\x00" * 8 + b"\xff" * 8)
a = enc.encrypt(bytes(32))
print(a[16:] == cryptolib.aes(K128, 1).encrypt(b"\x00" * 7 + b"\x01" + b"\x00" * 8))

# an output buffer, and in place
buf = bytearray(P)
print(cryptolib.aes(K128, 2, IV).encrypt(buf, buf), buf == h(VECTORS[3][4]))
cryptolib.aes(K128, 2, IV).decrypt(buf, buf)
print(buf == P)
out = bytearray(64)
cryptolib.aes(K256, 1).encrypt(memoryview(P), out)
print(out == h(VECTORS[2][4]), cryptolib.MODE_ECB, cryptolib.MODE_CBC, cryptolib.MODE_CTR)
print(cryptolib.aes(K128, 2).encrypt(P[:16]) == cryptolib.aes(K128, 1).encrypt(P[:16]))

for args, data in [((b"short", 1), P), ((K128, 3), P), ((K128, 2, b"iv"), P), ((K128, 1, IV), P),
                   ((K128, 1), P[:15]), ((K128, 2, IV), P[:20])]:
    try:
        cryptolib.aes(*args).encrypt(data)
        print("no error")
    except ValueError as e:
        print("ValueError", e)
c = cryptolib.aes(K128, 1)
c.encrypt(P)
try:
    c.decrypt(P)
except TypeError as e:
    print("TypeError", e)
try:
    cryptolib.aes(K128, 1).encrypt(P, bytearray(10))
except ValueError as e:
    print("ValueError", e)
try:
    cryptolib.aes(K128, 1).encrypt(P, b"x" * 64)
except TypeError as e:
    print("TypeError")
