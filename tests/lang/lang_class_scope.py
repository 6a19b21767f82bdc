# Class bodies nested in functions: free variables, class-local shadowing, global/nonlocal, __class__.
x = 'global'
def f():
    x = 'enclosing'
    class C:
        y = x
        x = 'class'
        z = x
    return C.y, C.z
print(f())
def g():
    x = 'enclosing'
    class C:
        y = x
        def m(self):
            return x
    return C.y, C().m()
print(g())
def h():
    v = 'enc'
    class C:
        locals()['v'] = 'from dict'
        w = v
    return C.w
print(h())
def k():
    class C:
        global x
        x = 'set by class'
    return x
print(k(), x)
def m():
    cnt = 0
    class C:
        def inc(self):
            nonlocal cnt
            cnt += 1
    C().inc(); C().inc()
    return cnt
print(m())
def n():
    class C:
        nonlocal_name = 1
        def meth(self):
            return __class__
    return C().meth() is C
print(n())
def p():
    y = 1
    def q():
        class D:
            z = y
        return D.z
    return q()
print(p())
