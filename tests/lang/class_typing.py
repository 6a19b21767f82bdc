# needs: float
# X | Y unions and generic aliases evaluated at run time
u = int | None
print(u, int | str, int | str | None, (int | str) == (str | int))
print(isinstance(1, int | str), isinstance(None, int | None), isinstance(2.5, int | str))
print(issubclass(bool, int | str), issubclass(float, int | str))


class Mine:
    pass


print(Mine | None, list[int], dict[str, int], tuple[int, ...], list[Mine])
print(list[int]("ab"), list[int] == list[int])
print(type[int])


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


print(WithMeta | None, isinstance(WithMeta(), WithMeta | int))
try:
    int | 5
except TypeError as e:
    print(type(e).__name__, e)
