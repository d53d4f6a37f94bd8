"""Money: integer fen in the data, yuan with two decimals on screen and paper. One reading of
typed amounts for the form and the workbook import, exact (Decimal, never float)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation


def yuan(fen: int) -> str:
    """Fen as yuan with two decimals and thousands separators: 1,234,567.00."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def amount_text(text: str) -> str:
    """A typed amount without what people write around it: full-width digits, thousands
    separators, ¥ before and 元 after."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    return cleaned.removeprefix("¥").removesuffix("元").strip()


def fen_of(number: Decimal) -> int:
    """Yuan as integer fen; ValueError for more than two decimal places or no number."""
    if not number.is_finite():
        raise ValueError(number)
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError(number)
    return int(number.scaleb(2))


def parse_yuan(text: str) -> int:
    """ "1,234.5" -> 123450 fen; ValueError when it is not an amount of at most two decimals."""
    try:
        return fen_of(Decimal(amount_text(text)))
    except InvalidOperation:
        raise ValueError(text) from None
