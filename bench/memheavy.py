# The memory-heavy program of bench/run.py (its peak RSS is reported): a
# million small ints in a list, 200000 short strings in a dict, and 100000
# small objects holding tuples.
class Item:
    def __init__(self, i):
        self.key = "item%d" % i
        self.pair = (i, i * 2)


def main():
    ints = list(range(1000000))
    names = {"n%d" % i: i for i in range(200000)}
    items = [Item(i) for i in range(100000)]
    print(len(ints) + len(names) + len(items))


main()
