"""One way for a service to say "I will not make this write as asked", with words for the person.

Every service raises :class:`Refused` (or a subclass named for what was refused) when a rule of the
model or a fact about the data stops a write. It carries messages keyed by the form field they belong
beside, ``"__all__"`` for the form as a whole, so the view can show each one next to its field with
:func:`coproduce.forms.show_refusal`. Nothing is written when it is raised: services raise it before
writing, or inside their transaction.
"""

from collections.abc import Mapping

WHOLE_FORM = "__all__"


class Refused(Exception):
    """A write refused, with messages for the person keyed by field (``"__all__"``: the whole form).

    ``Refused("The group needs a name.", field="name")`` for one message;
    ``Refused({"name": "...", "starts_at": "..."})`` for several.
    """

    def __init__(self, message: str | Mapping[str, str], *, field: str = WHOLE_FORM) -> None:
        self.errors: dict[str, str] = {field: message} if isinstance(message, str) else dict(message)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Every message in one sentence list, for places with no form (a flash message, a log line)."""
        return " ".join(self.errors.values())

    @property
    def field(self) -> str:
        """The field of the first message."""
        return next(iter(self.errors), WHOLE_FORM)
