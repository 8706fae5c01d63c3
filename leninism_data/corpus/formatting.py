"""The small formatters every layer shows text with: printed page ranges and HTML escaping.

>>> page_range(40, 40), page_range(39, 40), page_range(282, 283, prefix=False, dash="--")
('p. 40', 'pp. 39–40', '282--283')
>>> escape_html('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
"""

from __future__ import annotations

import html


def page_range(first: int, last: int, *, prefix: bool = True, dash: str = "–") -> str:
    """Printed pages as a reference gives them: "p. 40", "pp. 39–40" (or bare numbers)."""
    if first == last:
        return f"p. {first}" if prefix else str(first)
    span = f"{first}{dash}{last}"
    return f"pp. {span}" if prefix else span


def escape_html(value: object) -> str:
    """``value`` as text safe inside HTML elements and attribute values (quotes escaped)."""
    return html.escape(str(value), quote=True)
