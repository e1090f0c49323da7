# Dates written out in full ("26 November 2026"): easier to read than "26 Nov 2026" or "26/11/2026".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, g:i a"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, g:i a"
TIME_FORMAT = "g:i a"
