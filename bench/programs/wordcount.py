# Word count: generate a text of lines of pseudo-random words, then split
# it, normalise case and punctuation, count words and letter pairs in
# dicts, and report the most frequent ones (sorted with a key).
from benchlib import measure, Lcg

SYLLABLES = ["an", "ber", "co", "dal", "e", "fin", "gor", "ha", "is", "jo", "ka", "lu", "me", "no", "or",
             "pe", "qui", "ra", "sto", "tu", "ul", "ve", "wi", "xe", "yo", "za"]


def make_text(lines, rng):
    vocab = []
    for i in range(600):
        n = 1 + rng.below(3)
        w = "".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(n))
        vocab.append(w.capitalize() if i % 7 == 0 else w)
    out = []
    for _ in range(lines):
        words = []
        for _ in range(4 + rng.below(10)):
            # Zipf-like: small indexes are much more common
            w = vocab[rng.below(1 + rng.below(len(vocab)))]
            words.append(w)
        line = " ".join(words)
        if rng.below(4) == 0:
            line += "."
        elif rng.below(4) == 0:
            line = line.replace(" ", ", ", 1)
        out.append(line)
    return "\n".join(out)


def count(text):
    words = {}
    pairs = {}
    for line in text.split("\n"):
        for raw in line.split():
            w = raw.strip(".,;:!?").lower()
            if not w:
                continue
            words[w] = words.get(w, 0) + 1
            for i in range(len(w) - 1):
                p = w[i:i + 2]
                if p in pairs:
                    pairs[p] += 1
                else:
                    pairs[p] = 1
    top = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    top_pairs = sorted(pairs, key=lambda p: (-pairs[p], p))[:5]
    return len(words), sum(words.values()), top, top_pairs


def run():
    text = make_text(20000, Lcg(99))
    return count(text)


measure(run, (365, 170614, [('dal', 4823), ('tu', 4090), ('fin', 4003), ('an', 3396), ('pequiha', 3350)], ['or', 'in', 'no', 'fi', 'al']))
