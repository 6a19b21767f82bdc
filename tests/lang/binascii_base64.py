# needs: bigint
# binascii.a2b_base64 on malformed input: characters outside the alphabet
# are skipped, padding that completes a group ends the data; with
# strict_mode (CPython 3.11) anything but canonical base64 is an error.
import binascii

cases = [b"YQ==", b"YQ=", b"YQ", b"Y", b"YWJj", b"YWJjZA==", b"YQ==YQ==", b"Y Q = =", b"=YQ==", b"YQ===",
         b"Y=Q=", b"YQ=a", b"!!YWJj\n", b"YWJjZ", b"YWJjZA", b"YWJjZA=", b"", b"====", b"Y===", b"YQ==\n",
         b"YW=Jj", "YWJj", b"YQ\x00==", b"YWJj=", b"YWJj====", b"YWJjZA=\n=", b"Y=", b"=", b"YW=J", b"YWJj\n",
         b"\nYWJj", b"YQ==!", b"YQ=!=", b"YWJ=", b"YWJ==", b"YWJ=x", b"-_-_", b"SGVsbG8gV29ybGQ"]
for t in cases:
    row = []
    for strict in (False, True):
        try:
            row.append(binascii.a2b_base64(t, strict_mode=strict))
        except binascii.Error as e:
            row.append("Error: " + str(e))
    print(t, row)

# a deterministic stream of random inputs
seed = 1
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % (1 << 31)
    return seed >> 8

alpha = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n !"
results = []
for i in range(3000):
    t = bytes(alpha[rnd() % len(alpha)] if rnd() % 4 else 61 for j in range(rnd() % 12))
    for strict in (False, True):
        try:
            results.append(binascii.a2b_base64(t, strict_mode=strict))
        except binascii.Error as e:
            results.append(str(e))
print(len(results), sum(len(r) for r in results), results[:20])
print(results[1000:1040])
