"""The response form, shaped by the proposal's method: given online, or recorded by a coordinator."""

from typing import Any

from django import forms

from coproduce.decisions.choices import STANCES_FOR, Channel, Method
from coproduce.decisions.models import Proposal, ProposalOption
from coproduce.people.fields import PersonChoiceField

RANK_EMPTY = [("", "Not ranked")]


class ResponseForm(forms.Form):
    """A response, shaped by the proposal's method. With ``person_choices`` it is a coordinator's form
    for a response given by phone, on paper or at a meeting."""

    def __init__(self, *args: Any, proposal: Proposal, person_choices: Any | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        self.method = Method(proposal.method)
        self.options: list[ProposalOption] = list(proposal.options.all())
        if person_choices is not None:
            self.fields["person"] = PersonChoiceField(
                queryset=person_choices,
                label="Whose response is it?",
                empty_label="Choose a person",
                error_messages={
                    "required": "Choose whose response it is",
                    "invalid_choice": "Choose a person from the list",
                },
            )
            self.fields["channel"] = forms.ChoiceField(
                label="How did they give it?",
                choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
                widget=forms.RadioSelect,
                error_messages={"required": "Choose how they gave their response"},
            )
        if self.method in STANCES_FOR:
            self.fields["stance"] = forms.ChoiceField(
                label="Your answer" if person_choices is None else "Their answer",
                choices=[(s.value, s.label) for s in STANCES_FOR[self.method]],
                widget=forms.RadioSelect,
                error_messages={"required": "Choose an answer"},
            )
        elif self.method == Method.VOTE:
            self.fields["option"] = forms.ChoiceField(
                label="Choose one option",
                choices=[(str(o.pk), o.label) for o in self.options],
                widget=forms.RadioSelect,
                error_messages={"required": "Choose an option"},
            )
        elif self.method == Method.RANKED:
            numbers = [(str(n), f"Choice {n}") for n in range(1, len(self.options) + 1)]
            for option in self.options:
                self.fields[f"rank_{option.pk}"] = forms.ChoiceField(
                    label=option.label, choices=RANK_EMPTY + numbers, required=False
                )
        elif self.method == Method.SCORE:
            for option in self.options:
                self.fields[f"score_{option.pk}"] = forms.TypedChoiceField(
                    label=f"{option.label}: score from 0 to 5",
                    choices=[("", "Choose a score"), *((str(n), str(n)) for n in range(6))],
                    coerce=int,
                    error_messages={"required": "Give this option a score from 0 to 5"},
                )
        self.fields["reason"] = forms.CharField(
            label="Why? (needed if you block)" if self.method == Method.CONSENT else "Anything to add? (optional)",
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.method == Method.CONSENT and data.get("stance") == "block" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why you block the proposal, so the group can talk about it")
        if self.method == Method.RANKED:
            ranks = [data.get(f"rank_{option.pk}") for option in self.options]
            given = [rank for rank in ranks if rank]
            if not given:
                self.add_error(None, "Rank at least one option")
            elif len(set(given)) != len(given):
                self.add_error(None, "Give each option a different number")
        return data

    def answer(self) -> dict[str, Any]:
        """The response as arguments for ``services.respond``."""
        data = self.cleaned_data
        by_id = {str(option.pk): option for option in self.options}
        ranked = sorted(
            ((int(data[f"rank_{o.pk}"]), o) for o in self.options if data.get(f"rank_{o.pk}")), key=lambda p: p[0]
        )
        return {
            "stance": data.get("stance", ""),
            "option": by_id.get(data.get("option", "")),
            "ranking": [option for _, option in ranked],
            "scores": {o: data[f"score_{o.pk}"] for o in self.options if f"score_{o.pk}" in data},
            "reason": data.get("reason", ""),
        }
