"""Forms for the person's own details, and for a coordinator recording them on someone's behalf."""

from typing import Any

from django import forms

from coproduce.people.models import (
    NEED_CATEGORY,
    AccessProfile,
    ConsentMethod,
    ContactRoute,
    CreditPreference,
    Need,
    NeedCategory,
    PaymentPreference,
    Person,
    Purpose,
)

EMAIL_ERROR = "Enter an email address in the correct format, like name@example.com"

# What each contact route needs us to know, and what to say when it is missing.
ROUTE_NEEDS: dict[str, list[tuple[str, str]]] = {
    ContactRoute.EMAIL: [("email", "Enter your email address, or choose another way for us to contact you")],
    ContactRoute.PHONE: [("phone", "Enter your phone number, or choose another way for us to contact you")],
    ContactRoute.TEXT: [("phone", "Enter your mobile phone number, or choose another way for us to contact you")],
    ContactRoute.POST: [("postal_address", "Enter your postal address, or choose another way for us to contact you")],
    ContactRoute.SUPPORTER: [
        ("supporter_name", "Enter the name of the person who supports you"),
        ("supporter_contact", "Enter how we can contact the person who supports you"),
    ],
}


class ContactDetailsForm(forms.Form):
    preferred_name = forms.CharField(
        label="Preferred name (optional)",
        help_text="What you like to be called",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "spellcheck": "false"}),
    )
    pronouns = forms.CharField(
        label="Pronouns (optional)",
        help_text="For example, she/her, he/him or they/them",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We use this to contact you. It does not change the email address you sign in with.",
        max_length=254,
        required=False,
        error_messages={"invalid": EMAIL_ERROR},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    postal_address = forms.CharField(
        label="Postal address",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"autocomplete": "street-address", "rows": 4}),
    )
    contact_route = forms.ChoiceField(
        label="How do you want us to contact you?",
        choices=ContactRoute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want us to contact you"},
    )
    supporter_name = forms.CharField(
        label="Name of the person who supports you",
        help_text="Only if you want us to contact you through someone who supports you",
        max_length=200,
        required=False,
    )
    supporter_contact = forms.CharField(
        label="How we can contact them",
        help_text="Their phone number, email address or postal address",
        max_length=200,
        required=False,
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {name: getattr(person, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, message in ROUTE_NEEDS.get(data.get("contact_route", ""), []):
            if not data.get(name) and not self.has_error(name):
                self.add_error(name, message)
        return data


def _need_choices(category: NeedCategory) -> list[tuple[str, str]]:
    return [(need.value, need.label) for need in Need if NEED_CATEGORY[need] == category]


def _needs_field(category: NeedCategory) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=category.label,
        help_text="Select all that apply.",
        choices=_need_choices(category),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _whole_number_field(label: str, help_text: str, *, subject: str, lowest: int, highest: int) -> forms.IntegerField:
    between = f"{subject} must be between {lowest} and {highest}"
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=lowest,
        max_value=highest,
        error_messages={
            "invalid": f"{subject} must be a whole number, like {lowest + 4}",
            "min_value": between,
            "max_value": between,
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )


# One field per category, named after it, so that each group gets its own fieldset and legend.
NEED_FIELDS = {category: f"needs_{category.value}" for category in NeedCategory}
DETAIL_FIELDS = ["large_print_size", "language", "dietary_details", "papers_days_before", "time_of_day", "other_needs"]


class AccessNeedsForm(forms.Form):
    """The access needs, grouped by category, with follow-up details. ``needs()`` gives every need ticked."""

    needs_format = _needs_field(NeedCategory.FORMAT)
    language = forms.CharField(
        label="Which language?",
        help_text="If you ticked another language",
        max_length=100,
        required=False,
    )
    large_print_size = _whole_number_field(
        "Large print size, in points",
        "If you ticked large print. A number from 12 to 72, like 16",
        subject="Large print size",
        lowest=12,
        highest=72,
    )
    needs_communication = _needs_field(NeedCategory.COMMUNICATION)
    interpreter_language = forms.CharField(
        label="Which language do you need an interpreter for?",
        help_text="If you ticked another interpreter",
        max_length=100,
        required=False,
    )
    needs_practical = _needs_field(NeedCategory.PRACTICAL)
    dietary_details = forms.CharField(
        label="Your dietary needs",
        help_text="If you ticked dietary needs. For example, vegetarian, halal or no nuts",
        max_length=300,
        required=False,
    )
    needs_timing = _needs_field(NeedCategory.TIMING)
    papers_days_before = _whole_number_field(
        "How many days before a meeting do you want the papers? (optional)",
        "If you ticked papers sent in advance. A number from 1 to 28",
        subject="The number of days",
        lowest=1,
        highest=28,
    )
    time_of_day = forms.CharField(
        label="What time of day suits you? (optional)",
        help_text="If you ticked meetings at a certain time of day. For example, after 11am",
        max_length=200,
        required=False,
    )
    other_needs = forms.CharField(
        label="Anything else we should know (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    # Fields that ask for agreement, shown after the notice rather than with the needs.
    consent_field_names: tuple[str, ...] = ()
    # The follow-up questions, each shown under the need it is about (GOV.UK conditional reveal; without
    # JavaScript every one shows): the needs field -> the need -> the fields it reveals.
    reveals: dict[str, dict[str, tuple[str, ...]]] = {
        NEED_FIELDS[NeedCategory.FORMAT]: {Need.LARGE_PRINT: ("large_print_size",), Need.OTHER_LANGUAGE: ("language",)},
        NEED_FIELDS[NeedCategory.COMMUNICATION]: {Need.OTHER_INTERPRETER: ("interpreter_language",)},
        NEED_FIELDS[NeedCategory.PRACTICAL]: {Need.DIETARY: ("dietary_details",)},
        NEED_FIELDS[NeedCategory.TIMING]: {
            Need.PAPERS_IN_ADVANCE: ("papers_days_before",),
            Need.TIME_OF_DAY: ("time_of_day",),
        },
    }

    def __init__(self, *args: Any, profile: AccessProfile | None, **kwargs: Any) -> None:
        if profile is not None:
            initial: dict[str, Any] = {name: getattr(profile, name) for name in DETAIL_FIELDS}
            # One language is kept, asked under each need that uses it.
            initial["interpreter_language"] = profile.language
            chosen = [row.need for row in profile.needs.all()]
            for category, field_name in NEED_FIELDS.items():
                initial[field_name] = [need for need in chosen if NEED_CATEGORY[Need(need)] == category]
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)

    @property
    def need_fields(self) -> list[forms.BoundField]:
        """The fields shown in turn; each follow-up question is shown inside the needs field it follows."""
        revealed = {name for needs in self.reveals.values() for names in needs.values() for name in names}
        return [self[name] for name in self.fields if name not in (*self.consent_field_names, *revealed)]

    @property
    def consent_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.consent_field_names]

    def needs(self) -> list[str]:
        return [need for field_name in NEED_FIELDS.values() for need in self.cleaned_data.get(field_name, [])]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = set(self.needs())
        if Need.LARGE_PRINT in chosen and data.get("large_print_size") is None:
            self._require("large_print_size", "Enter the large print size you need, in points, like 16")
        self._clean_language(data, chosen)
        if Need.DIETARY in chosen and not data.get("dietary_details"):
            self._require("dietary_details", "Tell us about your dietary needs")
        return data

    def _clean_language(self, data: dict[str, Any], chosen: set[str]) -> None:
        """One language is kept: asked under "another language" and under "another interpreter"."""
        language = data.get("language", "") if Need.OTHER_LANGUAGE in chosen else ""
        interpreter = data.get("interpreter_language", "") if Need.OTHER_INTERPRETER in chosen else ""
        if Need.OTHER_LANGUAGE in chosen and not language:
            self._require("language", "Enter the language you need")
        if Need.OTHER_INTERPRETER in chosen and not interpreter:
            self._require("interpreter_language", "Enter the language you need an interpreter for")
        if language and interpreter and language.casefold() != interpreter.casefold():
            self._require(
                "interpreter_language",
                "Enter the same language as for your papers. If you need two languages, say so under anything else",
            )
        data["language"] = language or interpreter

    def _require(self, name: str, message: str) -> None:
        if not self.has_error(name):
            self.add_error(name, message)


class OwnAccessNeedsForm(AccessNeedsForm):
    """The person's own access needs. ``agree`` is asked only when they have not yet agreed."""

    consent_field_names: tuple[str, ...] = ("agree",)
    agree = forms.BooleanField(
        label="I agree to you keeping a note of my access needs",
        error_messages={"required": "Tick the box to agree, or we cannot keep your access needs"},
    )

    def __init__(self, *args: Any, needs_agreement: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not needs_agreement:
            del self.fields["agree"]
            self.consent_field_names = ()


OFFLINE_METHOD_CHOICES = [(ConsentMethod.PHONE.value, "By phone"), (ConsentMethod.PAPER.value, "On paper")]


class AccessNeedsForPersonForm(AccessNeedsForm):
    """A coordinator recording someone's access needs, with their agreement, given by phone or on paper."""

    consent_field_names: tuple[str, ...] = ("agreed", "method")
    agreed = forms.BooleanField(
        error_messages={"required": "Tick the box to confirm they have agreed, or we cannot keep their access needs"},
    )
    method = forms.ChoiceField(
        label="How did they tell you?",
        choices=OFFLINE_METHOD_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they told you"},
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreed"].label = f"{person.name} has agreed to us recording their access needs"


class RecognitionForm(forms.Form):
    credit_preference = forms.ChoiceField(
        label="How do you want to be named when we thank people?",
        help_text="We thank people by name in reports and on our website. You can choose not to be named.",
        choices=CreditPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want to be named"},
    )
    payment_preference = forms.ChoiceField(
        label="How do you want to be paid?",
        help_text="We pay people for the time they give. You can say no: it will not change how we treat you.",
        choices=PaymentPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want to be paid"},
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"credit_preference": person.credit_preference, "payment_preference": person.payment_preference},
        )
        super().__init__(*args, **kwargs)


# Equality monitoring consent is given and withdrawn in the equality app, never here.
CONSENT_PURPOSE_CHOICES = [
    (purpose.value, purpose.label) for purpose in (Purpose.PRIVACY_NOTICE, Purpose.ACCESS_NEEDS, Purpose.CONTACT)
]
GIVE = "give"
WITHDRAW = "withdraw"


class OwnConsentForm(forms.Form):
    """Sent by an "I agree" or "Withdraw" button: the purpose is a hidden field, the button gives the action."""

    purpose = forms.ChoiceField(choices=CONSENT_PURPOSE_CHOICES, widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[(GIVE, "I agree"), (WITHDRAW, "Withdraw")], widget=forms.HiddenInput)


class ConsentForPersonForm(forms.Form):
    """A coordinator recording a consent given or withdrawn by phone or on paper."""

    purpose = forms.ChoiceField(
        label="What is it about?",
        choices=[
            (Purpose.PRIVACY_NOTICE.value, "How we use their information (privacy notice)"),
            (Purpose.ACCESS_NEEDS.value, "Keeping their access needs"),
            (Purpose.CONTACT.value, "Keeping in touch"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what they agreed to or withdrew from"},
    )
    action = forms.ChoiceField(
        label="What did they tell you?",
        choices=[(GIVE, "They agreed"), (WITHDRAW, "They withdrew their agreement")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether they agreed or withdrew"},
    )
    method = forms.ChoiceField(
        label="How did they tell you?",
        choices=OFFLINE_METHOD_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they told you"},
    )
