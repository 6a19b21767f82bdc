# Pi digits: a streaming spigot over big integers (a linear fractional
# transformation composed term by term), producing decimal digits one at a
# time; the answer is the digits' sum and the last ten of them.
from benchlib import measure


def pi_digits(count):
    q, r, t = 1, 0, 1
    k = 1
    digits = []
    while len(digits) < count:
        # compose with the next term (k, 4k+2, 0, 2k+1)
        q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
        k += 1
        if q > r:
            continue
        d = (3 * q + r) // t
        if d == (4 * q + r) // t:
            digits.append(d)
            q, r = 10 * q, 10 * (r - d * t)
    return digits


def run():
    ds = pi_digits(3000)
    return sum(ds), "".join(str(d) for d in ds[:12]), "".join(str(d) for d in ds[-10:])


measure(run, (13848, '314159265358', '8649423196'))
