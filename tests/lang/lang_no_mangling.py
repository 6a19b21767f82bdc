# MicroPython does not mangle private names (__x) in classes (documented
# difference), so the .exp records the unmangled attribute names.
class A:
    __x = 1
    def get(self):
        return self.__x, A.__x
    def __m(self):
        return 'private method'
    def call(self):
        return self.__m()
    def setp(self):
        self.__p = 5
        return sorted(self.__dict__)
a = A()
print(a.get(), a.call(), a.setp())
print(hasattr(A, '__x'), hasattr(A, '_A__x'))
class B(A):
    __x = 2
    def getb(self):
        return self.__x
print(B().getb(), B().get())
class C:
    __dunder__ = 'dunder names are never mangled'
    def g(self):
        __local = 4
        return __local
print(C.__dunder__, C().g())
