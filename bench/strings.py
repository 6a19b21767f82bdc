# dict and str work: building, splitting, counting and joining words.
def main():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    text = " ".join(words[(i * 7) % len(words)] + str(i % 13) for i in range(20000))
    counts = {}
    for _ in range(60):
        for w in text.split():
            counts[w] = counts.get(w, 0) + 1
    keys = sorted(counts)
    out = []
    for k in keys:
        out.append("%s=%d" % (k.upper(), counts[k]))
    s = ",".join(out)
    print(len(counts), len(s), s[:40])


main()
