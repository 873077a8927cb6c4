"""Files meant for spreadsheets (CSV downloads): one rule against formula injection for every app."""

# A spreadsheet may run a text cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """
    Keep a text cell from being run as a formula when a CSV file is opened in a spreadsheet.

    A string that starts with ``= + - @``, a tab or a carriage return gets a
    leading ``'``; anything else (numbers, None) is returned unchanged, so a
    negative amount stays a number.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
