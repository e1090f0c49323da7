"""The table_region tag: the scrolling region a table sits in, named by the table's caption."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def test_table_region_wraps_the_table_in_a_focusable_region_named_by_its_caption() -> None:
    template = Template('{% table_region "claims-caption" %}<table></table>{% endtable_region %}')

    html = template.render(Context())

    assert html == (
        '<div class="app-table-region" role="region" aria-labelledby="claims-caption" tabindex="0">'
        "<table></table></div>"
    )


def test_table_region_joins_the_parts_of_an_id_given_for_each_table_in_a_loop() -> None:
    template = Template('{% table_region "rate-card-" card.pk "-caption" %}{% endtable_region %}')

    html = template.render(Context({"card": {"pk": 7}}))

    assert 'aria-labelledby="rate-card-7-caption"' in html


def test_table_region_escapes_the_id() -> None:
    template = Template("{% table_region name %}{% endtable_region %}")

    html = template.render(Context({"name": '"><script>'}))

    assert 'aria-labelledby="&quot;&gt;&lt;script&gt;"' in html


def test_table_region_needs_the_id_of_the_caption() -> None:
    with pytest.raises(TemplateSyntaxError, match="needs the id of the table's caption"):
        Template("{% table_region %}{% endtable_region %}")
