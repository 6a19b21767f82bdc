# hashlib: sha256, sha1, md5 and sha512 over 8 MB each, in 64 KB updates
# and as many short messages (issue 9).
import hashlib


def main():
    block = bytes(i & 255 for i in range(65536))
    out = []
    for name in ("sha256", "sha1", "md5", "sha512"):
        h = hashlib.new(name)
        for _ in range(128):
            h.update(block)
        short = b""
        for i in range(20000):
            short = hashlib.new(name, short + b"x").digest()[:16]
        out.append(name + ":" + h.hexdigest()[:16] + ":" + short.hex())
    print("\n".join(out))


main()
