# String and bytes literals: prefixes, quotes, escapes, concatenation.
print('single', "double", '''triple
single''', """triple
double""")
print('it\'s', "say \"hi\"", '"', "'", '''a'b"c''', """a"b'c""")
print(repr('\\ \' \" \a \b \f \n \r \t \v'))
print(repr('\101\x41\u0041\U00000041\0\00\000\7\77\777'))
print(repr('\q \d \w \%'), len('\q'))
print(repr(r'\n\t\x41'), repr(R'\''), repr(r"\""), len(r'\\'))
print(repr(u'unicode'), repr(U'U'))
print(repr('\xe9\u20ac\U0001F600'), len('\U0001F600'))
print(repr('é€😀'), len('é€😀'))
print(repr(b'bytes'), repr(B'B'), repr(b'\x00\xff\n\\'), repr(rb'\x00'), repr(Rb'r'), repr(bR'r'), repr(BR'x'))
print(repr(b'\101\u1234'), repr(b'\777'))
print(repr('a' 'b' "c" '''d'''))
print(repr(b'a' b'b' rb'\c'))
print(repr('line\
continued'))
print(repr('''a\
b'''))
print(repr("""
first
  second
"""))
s = ('implicit '
     'concatenation '
     "across lines")
print(s)
print(repr(''), repr(""), repr(''''''), repr(b''))
print('x' * 3 + 'y', 'ab' 'cd'.upper())
