"""How each equality monitoring question is set against a Census 2021 dimension.

Each answer is a category; its ``reference`` names the Census categories it is compared with (usually
its own label, which equals the Census label by design; an explicit mapping where the two differ).
Skipped answers and "Prefer not to say" are never counted as answers; neither are the Census's
"Not answered" rows counted in the reference population, so like is compared with like.
"""

from dataclasses import dataclass

from django.db.models import Q, TextChoices

from coproduce.equality.choices import (
    ETHNIC_GROUP_HIGH_LEVEL,
    PREFER_NOT_TO_SAY,
    UNDER_16,
    AgeBand,
    Disability,
    EthnicGroupHighLevel,
    Religion,
    Sex,
    SexualOrientation,
    UnpaidCare,
    YesNo,
)


@dataclass(frozen=True)
class Category:
    key: str  # the answer's stored value (or derived value)
    label: str
    reference: tuple[str, ...]  # the Census categories this answer is compared with
    condition: Q  # which equality responses gave this answer


@dataclass(frozen=True)
class Dimension:
    key: str  # the equality question (or derived answer)
    name: str
    census: str  # the Census dimension in the reference figures
    categories: tuple[Category, ...]

    def category(self, key: str) -> Category | None:
        return next((category for category in self.categories if category.key == key), None)


def _answers(choices: type[TextChoices]) -> list[TextChoices]:
    return [choice for choice in choices if choice.value != PREFER_NOT_TO_SAY]


def _simple(
    field: str, choices: type[TextChoices], overrides: dict[str, tuple[str, ...]] | None = None
) -> list[Category]:
    overrides = overrides or {}
    return [
        Category(
            choice.value,
            str(choice.label),
            overrides.get(choice.value, (str(choice.label),)),
            Q(**{field: choice.value}),
        )
        for choice in _answers(choices)
    ]


# Where the answer's label is not the Census category's own label.
SEXUAL_ORIENTATION_CENSUS: dict[str, tuple[str, ...]] = {
    SexualOrientation.OTHER.value: ("All other sexual orientations",)
}
GENDER_IDENTITY_CENSUS: dict[str, tuple[str, ...]] = {
    YesNo.YES.value: ("Gender identity the same as sex registered at birth",),
    YesNo.NO.value: (
        "Gender identity different from sex registered at birth but no specific identity given",
        "Trans woman",
        "Trans man",
        "All other gender identities",
    ),
}
UNPAID_CARE_CENSUS: dict[str, tuple[str, ...]] = {
    UnpaidCare.NO.value: ("Provides no unpaid care",),
    UnpaidCare.UP_TO_9_HOURS.value: ("Provides 9 hours or less unpaid care a week",),
    UnpaidCare.HOURS_10_TO_19.value: ("Provides 10 to 19 hours unpaid care a week",),
    UnpaidCare.HOURS_20_TO_34.value: ("Provides 20 to 34 hours unpaid care a week",),
    UnpaidCare.HOURS_35_TO_49.value: ("Provides 35 to 49 hours unpaid care a week",),
    UnpaidCare.HOURS_50_OR_MORE.value: ("Provides 50 or more hours unpaid care a week",),
}
GENDER_IDENTITY_LABELS = {
    YesNo.YES.value: "Gender identity the same as sex registered at birth",
    YesNo.NO.value: "Gender identity different from sex registered at birth",
}

DISABILITY_CONDITIONS = {
    Disability.LIMITED_A_LOT.value: Q(long_term_condition="yes", activities_reduced="a_lot"),
    Disability.LIMITED_A_LITTLE.value: Q(long_term_condition="yes", activities_reduced="a_little"),
    Disability.CONDITION_NOT_LIMITED.value: Q(long_term_condition="yes", activities_reduced="not_at_all"),
    Disability.NO_CONDITION.value: Q(long_term_condition="no"),
}


def _age(adults_only: bool) -> list[Category]:
    under_16 = {band.value for band in UNDER_16}
    return [category for category in _simple("age_band", AgeBand) if not (adults_only and category.key in under_16)]


def _ethnic_groups() -> list[Category]:
    return [
        Category(
            group.value,
            str(group.label),
            (str(group.label),),
            Q(ethnic_group__in=[detail for detail, high in ETHNIC_GROUP_HIGH_LEVEL.items() if high == group]),
        )
        for group in _answers(EthnicGroupHighLevel)
    ]


def dimensions(*, adults_only: bool = True) -> tuple[Dimension, ...]:
    """Every compared dimension, in the order the page shows them."""
    return (
        Dimension(
            "disability",
            "Disability",
            "disability",
            tuple(
                Category(choice.value, str(choice.label), (str(choice.label),), DISABILITY_CONDITIONS[choice.value])
                for choice in _answers(Disability)
            ),
        ),
        Dimension("age_band", "Age", "age_band", tuple(_age(adults_only))),
        Dimension("sex", "Sex", "sex", tuple(_simple("sex", Sex))),
        Dimension(
            "gender_identity",
            "Gender identity",
            "gender_identity",
            tuple(
                Category(value, GENDER_IDENTITY_LABELS[value], GENDER_IDENTITY_CENSUS[value], Q(gender_identity=value))
                for value in (YesNo.YES.value, YesNo.NO.value)
            ),
        ),
        Dimension(
            "sexual_orientation",
            "Sexual orientation",
            "sexual_orientation",
            tuple(_simple("sexual_orientation", SexualOrientation, SEXUAL_ORIENTATION_CENSUS)),
        ),
        Dimension("ethnic_group_high_level", "Ethnic group", "ethnic_group_high_level", tuple(_ethnic_groups())),
        Dimension("religion", "Religion", "religion", tuple(_simple("religion", Religion))),
        Dimension(
            "unpaid_care",
            "Unpaid care",
            "unpaid_care_detailed",
            tuple(_simple("unpaid_care", UnpaidCare, UNPAID_CARE_CENSUS)),
        ),
    )


def dimension_choices() -> list[tuple[str, str]]:
    return [(dimension.key, dimension.name) for dimension in dimensions(adults_only=False)]
