# Large syntactic constructs: hundreds of arguments, deep nesting, long chains, many locals.
src = 'f(' + ', '.join(str(i) for i in range(300)) + ')'
def f(*a): return len(a), sum(a)
print(eval(src))
def many(**k): return len(k)
print(eval('many(' + ', '.join('k%d=%d' % (i, i) for i in range(300)) + ')'))
print(eval('(' * 50 + '1' + ')' * 50))
print(eval(' + '.join(['1'] * 1000)))
print(eval('[' + ', '.join(str(i) for i in range(2000)) + '][-1]'))
print(eval('{' + ', '.join('%d: %d' % (i, i) for i in range(500)) + '}')[499])
print(eval(' < '.join(str(i) for i in range(100))))
print(eval('-' * 100 + '1'), eval('not ' * 51 + '0'))
ns = {}
exec('def big(' + ', '.join('a%d' % i for i in range(260)) + '):\n    return a0 + a259\n', ns)
print(ns['big'](*range(260)))
exec('\n'.join('v%d = %d' % (i, i) for i in range(1000)) + '\nr = v999 + v0', ns)
print(ns['r'])
body = 'def fn():\n' + ''.join('    x%d = %d\n' % (i, i) for i in range(300)) + '    return x299 + x0\n'
exec(body, ns)
print(ns['fn']())
s = 'x = 0\n' + ''.join('    ' * i + 'if True:\n' for i in range(50)) + '    ' * 50 + 'x = 5\n'
exec(s, ns)
print(ns['x'])
fn = eval('lambda: ' * 30 + '7')
for _ in range(30):
    fn = fn()
print(fn)
print(len(eval('"' + 'a' * 100000 + '"')), len(eval('b"' + '\\x00' * 1000 + '"')))
print(eval('1' + ' if 1 else 0' * 200))
