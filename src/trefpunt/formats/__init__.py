"""Date formats per interface language (``FORMAT_MODULE_PATH``): written out, never numeric.

"3 December 2026, 21:15" cannot be misread in any country, where "12/03/2026" is the third of
December to an American and the twelfth of March to everyone else. Each language spells its
months in full and uses the 24-hour clock; templates use the named formats (``DATE_FORMAT``,
``DATETIME_FORMAT``, ``TIME_FORMAT``, ``YEAR_MONTH_FORMAT``), never a pattern of their own.
What is not set here (input formats, number separators) comes from Django's locale.
"""
