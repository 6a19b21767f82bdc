# every method of the container types is found (catches mis-sorted method tables)
names = {
    list: "__contains__ __delitem__ __getitem__ __iter__ __len__ __setitem__ append clear copy count extend index insert pop remove reverse sort",
    dict: "__contains__ __delitem__ __getitem__ __iter__ __len__ __setitem__ clear copy fromkeys get items keys pop popitem setdefault update values",
    tuple: "count index",
    set: "add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop remove symmetric_difference symmetric_difference_update union update",
    frozenset: "copy difference intersection isdisjoint issubset issuperset symmetric_difference union",
    range: "count index",
    slice: "indices",
}
for t, ns in names.items():
    for n in ns.split():
        assert hasattr(t, n), (t, n)
for n in "__reversed__ isdisjoint".split():
    assert hasattr({}.keys(), n)
    assert hasattr({}.items(), n)
assert hasattr({}.values(), "__reversed__")
for t in names:
    print(t.__name__, hasattr(t, "nonexistent"), hasattr(t, "zzz"), hasattr(t, "aaa"), hasattr(t, "__zz__"))
for obj in [[], (), {}, set(), frozenset(), range(3), {}.keys(), {}.values(), {}.items()]:
    print(type(obj).__name__, [hasattr(obj, n) for n in ["__len__", "__iter__", "__contains__"]])
print([1, 2].__add__([3]), (1,).__mul__(2), (1, 2).__len__(), {1}.__contains__(1), range(4).__len__())
print({1: 2}.keys().__len__(), 2 in {1: 2}.values(), [3].__mul__(2))
