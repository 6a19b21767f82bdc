# hashlib: known answers from FIPS 180-4's examples (SHA) and RFC 1321's
# test suite (MD5), long and odd-sized messages, and the hash object API.
import hashlib

VECTORS = [
    ('sha1', b'', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'),
    ('sha1', b'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'),
    ('sha1', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'),
    ('sha1', b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu', 'a49b2446a02c645bf419f995b67091253a04a259'),
    ('sha224', b'', 'd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f'),
    ('sha224', b'abc', '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7'),
    ('sha224', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525'),
    ('sha224', b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu', 'c97ca9a559850ce97a04a96def6d99a9e0e0e2ab14e6b8df265fc0b3'),
    ('sha256', b'', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
    ('sha256', b'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    ('sha256', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'),
    ('sha256', b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu', 'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1'),
    ('sha384', b'', '38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b'),
    ('sha384', b'abc', 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7'),
    ('sha384', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b'),
    ('sha384', b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu', '09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039'),
    ('sha512', b'', 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'),
    ('sha512', b'abc', 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'),
    ('sha512', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445'),
    ('sha512', b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu', '8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909'),
    ('md5', b'', 'd41d8cd98f00b204e9800998ecf8427e'),
    ('md5', b'a', '0cc175b9c0f1b6a831c399e269772661'),
    ('md5', b'abc', '900150983cd24fb0d6963f7d28e17f72'),
    ('md5', b'message digest', 'f96b697d7cb7938d525a2f31aaf161d0'),
    ('md5', b'abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'),
    ('md5', b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'),
    ('md5', b'12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'),
]
MILLION_A = {'md5': '7707d6ae4e027c70eea2a935c2296f21', 'sha1': '34aa973cd4c4daa4f61eeb2bdbad27316534016f', 'sha224': '20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67', 'sha256': 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0', 'sha384': '9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985', 'sha512': 'e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b'}

for name, msg, want in VECTORS:
    got = hashlib.new(name, msg).hexdigest()
    print(name, len(msg), got == want, got)

# one million 'a's, fed in pieces that straddle block boundaries
for name in sorted(MILLION_A):
    h = getattr(hashlib, name)()
    chunk = b"a" * 997
    left = 1000000
    while left:
        n = min(left, len(chunk))
        h.update(chunk[:n])
        left -= n
    print(name, "million", h.hexdigest() == MILLION_A[name])

# every length around the padding boundaries agrees with hashing in one go
data = bytes((i * 7 + 3) & 255 for i in range(300))
for name in ("md5", "sha1", "sha256", "sha512"):
    ok = True
    for n in list(range(50, 70)) + list(range(105, 135)) + list(range(240, 260)):
        whole = hashlib.new(name, data[:n]).digest()
        h = hashlib.new(name)
        for i in range(0, n, 13):
            h.update(data[i:min(n, i + 13)])
        ok = ok and h.digest() == whole
    print(name, "pieces", ok, hashlib.new(name, data).hexdigest())
