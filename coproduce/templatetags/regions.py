"""The scrolling region a table sits in, so that a table wider than the screen never widens the page.

WCAG 1.4.10 (reflow): at 320 CSS pixels nothing may make the page scroll sideways. A table with
several columns cannot always fit, so it scrolls inside its own region instead: a labelled region
(named by the table's caption) that keyboard users can focus and scroll with the arrow keys.

Loaded as a template builtin (see TEMPLATES in settings), so no `{% load %}` is needed::

    {% table_region "claims-caption" %}
      <table class="govuk-table">
        <caption id="claims-caption" class="govuk-table__caption">Claims</caption>
        ...
      </table>
    {% endtable_region %}
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


class TableRegionNode(template.Node):
    def __init__(self, nodelist: NodeList, caption_id: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.caption_id = caption_id

    def render(self, context: template.Context) -> SafeString:
        return format_html(
            '<div class="app-table-region" role="region" aria-labelledby="{}" tabindex="0">{}</div>',
            "".join(str(part.resolve(context)) for part in self.caption_id),
            self.nodelist.render(context),
        )


@register.tag
def table_region(parser: Parser, token: Token) -> TableRegionNode:
    """``{% table_region caption_id %}…{% endtable_region %}``: the id is that of the table's caption.

    A table in a loop or a component needs an id of its own each time: give it in parts, which are
    joined, such as ``{% table_region "rate-card-" card.pk "-caption" %}``.
    """
    name, *parts = token.split_contents()
    if not parts:
        raise template.TemplateSyntaxError(f"{name} needs the id of the table's caption.")
    nodelist = parser.parse(("endtable_region",))
    parser.delete_first_token()
    return TableRegionNode(nodelist, [parser.compile_filter(part) for part in parts])
