"""CSV for every export: the standard module's writers, with cells a spreadsheet shows and
never runs. Text starting like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage
return: OWASP's list) gets a leading apostrophe; numbers, dates and empty cells pass as they
are, so ``-5`` stays a number.
"""

import csv

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class DictWriter(csv.DictWriter):
    def _dict_to_list(self, rowdict):
        return [safe_cell(value) for value in super()._dict_to_list(rowdict)]


def writer(file, **options) -> _SafeWriter:
    return _SafeWriter(file, **options)
