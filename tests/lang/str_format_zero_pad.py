# needs: float
# '0' before the width pads strings with zeros too, whatever the alignment, unless a fill is given
for spec in ['<06', '>06', '^06', '06', 'x<06', '<06.1', '=06']:
    for v in ['ab', 5, -5, 2.5, 12345678]:
        try:
            print(spec, repr(v), repr(format(v, spec + ('s' if isinstance(v, str) and spec != '=06' else ''))))
        except ValueError as e:
            print(spec, repr(v), 'VE', e)
