"""``{{ amount|pounds }}``: every amount of money on a page, in a letter or in an email, as people read it."""

from decimal import Decimal

from django import template

from coproduce.payments.money import pounds as as_pounds

register = template.Library()


@register.filter
def pounds(amount: Decimal | int | str | None) -> str:
    """£1,234.50: a whole number of pence, with a thousands separator; nothing for no amount.

    Sums the database adds up arrive with as many decimal places as it likes (6.40000000000000 on
    SQLite); they are rounded to the penny here, once, for every page.
    """
    if amount is None or amount == "":
        return ""
    return as_pounds(amount if isinstance(amount, Decimal) else Decimal(str(amount)))
