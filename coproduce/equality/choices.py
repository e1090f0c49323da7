"""The equality monitoring questions and their answers, in the Census 2021 (England and Wales) designs.

The answer labels are the Census 2021 labels (the categories of the published tables where they read
as answers, the questionnaire's own wording where they do not), so that answers can be set against
a Census reference population. Every question can be skipped (stored as "") and every question has
"Prefer not to say" as an answer of its own.
"""

from dataclasses import dataclass

from django.db import models

PREFER_NOT_TO_SAY = "prefer_not_to_say"


class AgeBand(models.TextChoices):
    AGED_4_AND_UNDER = "4_and_under", "Aged 4 years and under"
    AGED_5_TO_9 = "5_to_9", "Aged 5 to 9 years"
    AGED_10_TO_15 = "10_to_15", "Aged 10 to 15 years"
    AGED_16_TO_19 = "16_to_19", "Aged 16 to 19 years"
    AGED_20_TO_24 = "20_to_24", "Aged 20 to 24 years"
    AGED_25_TO_34 = "25_to_34", "Aged 25 to 34 years"
    AGED_35_TO_49 = "35_to_49", "Aged 35 to 49 years"
    AGED_50_TO_64 = "50_to_64", "Aged 50 to 64 years"
    AGED_65_TO_74 = "65_to_74", "Aged 65 to 74 years"
    AGED_75_TO_84 = "75_to_84", "Aged 75 to 84 years"
    AGED_85_AND_OVER = "85_and_over", "Aged 85 years and over"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


# The Census asks about gender identity and sexual orientation only of people aged 16 or over.
UNDER_16 = (AgeBand.AGED_4_AND_UNDER, AgeBand.AGED_5_TO_9, AgeBand.AGED_10_TO_15)


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class SexualOrientation(models.TextChoices):
    # Census order: "Straight or Heterosexual" first.
    STRAIGHT = "straight", "Straight or Heterosexual"
    GAY_OR_LESBIAN = "gay_or_lesbian", "Gay or Lesbian"
    BISEXUAL = "bisexual", "Bisexual"
    OTHER = "other", "Other sexual orientation"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Religion(models.TextChoices):
    # Census order: "No religion" first, so that nobody is led towards a religion.
    NO_RELIGION = "no_religion", "No religion"
    CHRISTIAN = "christian", "Christian"
    BUDDHIST = "buddhist", "Buddhist"
    HINDU = "hindu", "Hindu"
    JEWISH = "jewish", "Jewish"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    OTHER = "other", "Other religion"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class EthnicGroupHighLevel(models.TextChoices):
    """The five high-level ethnic groups, derived from the detailed answer."""

    ASIAN = "asian", "Asian, Asian British or Asian Welsh"
    BLACK = "black", "Black, Black British, Black Welsh, Caribbean or African"
    MIXED = "mixed", "Mixed or Multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Other ethnic group"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class EthnicGroup(models.TextChoices):
    """The 19 detailed ethnic groups, each labelled "high-level group: detail" as in the Census tables."""

    ASIAN_BANGLADESHI = "asian_bangladeshi", "Asian, Asian British or Asian Welsh: Bangladeshi"
    ASIAN_CHINESE = "asian_chinese", "Asian, Asian British or Asian Welsh: Chinese"
    ASIAN_INDIAN = "asian_indian", "Asian, Asian British or Asian Welsh: Indian"
    ASIAN_PAKISTANI = "asian_pakistani", "Asian, Asian British or Asian Welsh: Pakistani"
    ASIAN_OTHER = "asian_other", "Asian, Asian British or Asian Welsh: Other Asian"
    BLACK_AFRICAN = "black_african", "Black, Black British, Black Welsh, Caribbean or African: African"
    BLACK_CARIBBEAN = "black_caribbean", "Black, Black British, Black Welsh, Caribbean or African: Caribbean"
    BLACK_OTHER = "black_other", "Black, Black British, Black Welsh, Caribbean or African: Other Black"
    MIXED_WHITE_AND_ASIAN = "mixed_white_and_asian", "Mixed or Multiple ethnic groups: White and Asian"
    MIXED_WHITE_AND_BLACK_AFRICAN = (
        "mixed_white_and_black_african",
        "Mixed or Multiple ethnic groups: White and Black African",
    )
    MIXED_WHITE_AND_BLACK_CARIBBEAN = (
        "mixed_white_and_black_caribbean",
        "Mixed or Multiple ethnic groups: White and Black Caribbean",
    )
    MIXED_OTHER = "mixed_other", "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups"
    WHITE_BRITISH = "white_british", "White: English, Welsh, Scottish, Northern Irish or British"
    WHITE_IRISH = "white_irish", "White: Irish"
    WHITE_GYPSY_OR_IRISH_TRAVELLER = "white_gypsy_or_irish_traveller", "White: Gypsy or Irish Traveller"
    WHITE_ROMA = "white_roma", "White: Roma"
    WHITE_OTHER = "white_other", "White: Other White"
    OTHER_ARAB = "other_arab", "Other ethnic group: Arab"
    OTHER_ANY_OTHER = "other_any_other", "Other ethnic group: Any other ethnic group"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


ETHNIC_GROUP_HIGH_LEVEL: dict[str, EthnicGroupHighLevel] = {
    group.value: EthnicGroupHighLevel(group.value.split("_", 1)[0])
    for group in EthnicGroup
    if group != EthnicGroup.PREFER_NOT_TO_SAY
} | {EthnicGroup.PREFER_NOT_TO_SAY.value: EthnicGroupHighLevel.PREFER_NOT_TO_SAY}


def ethnic_group_detail(group: EthnicGroup) -> str:
    """The detailed part of a label, as shown under its high-level group: "Irish" for "White: Irish"."""
    return str(group.label).split(": ", 1)[-1]


class LongTermCondition(models.TextChoices):
    """Part 1 of the Census disability question."""

    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class ActivitiesReduced(models.TextChoices):
    """Part 2 of the Census disability question, asked only of people who answered "Yes" to part 1."""

    A_LOT = "a_lot", "Yes, a lot"
    A_LITTLE = "a_little", "Yes, a little"
    NOT_AT_ALL = "not_at_all", "Not at all"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Disability(models.TextChoices):
    """The Census output classification, derived from the two parts of the disability question."""

    LIMITED_A_LOT = "limited_a_lot", "Disabled under the Equality Act: Day-to-day activities limited a lot"
    LIMITED_A_LITTLE = "limited_a_little", "Disabled under the Equality Act: Day-to-day activities limited a little"
    CONDITION_NOT_LIMITED = (
        "condition_not_limited",
        "Not disabled under the Equality Act: Has long term physical or mental health condition but "
        "day-to-day activities are not limited",
    )
    NO_CONDITION = (
        "no_condition",
        "Not disabled under the Equality Act: No long term physical or mental health conditions",
    )
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


LIMITATION: dict[str, str] = {
    ActivitiesReduced.A_LOT: Disability.LIMITED_A_LOT,
    ActivitiesReduced.A_LITTLE: Disability.LIMITED_A_LITTLE,
    ActivitiesReduced.NOT_AT_ALL: Disability.CONDITION_NOT_LIMITED,
}


def disability(condition: str, reduced: str) -> str:
    """The Census disability category for the two answers, or "" when there is too little to say."""
    if condition == LongTermCondition.NO:
        return Disability.NO_CONDITION
    if condition == LongTermCondition.PREFER_NOT_TO_SAY or reduced == ActivitiesReduced.PREFER_NOT_TO_SAY:
        return Disability.PREFER_NOT_TO_SAY
    if condition == LongTermCondition.YES:
        return LIMITATION.get(reduced, "")
    return ""


class UnpaidCare(models.TextChoices):
    NO = "no", "No"
    UP_TO_9_HOURS = "up_to_9", "Yes, 9 hours a week or less"
    HOURS_10_TO_19 = "10_to_19", "Yes, 10 to 19 hours a week"
    HOURS_20_TO_34 = "20_to_34", "Yes, 20 to 34 hours a week"
    HOURS_35_TO_49 = "35_to_49", "Yes, 35 to 49 hours a week"
    HOURS_50_OR_MORE = "50_or_more", "Yes, 50 or more hours a week"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


@dataclass(frozen=True)
class Question:
    """One question: the model field that holds its answer, a short name for lists, and its answers."""

    field: str
    name: str
    choices: type[models.TextChoices]


# In the order the form asks them. Write-in answers are not questions of their own: they are shown
# to the person with their answer and are never counted.
QUESTIONS = (
    Question("age_band", "Age", AgeBand),
    Question("sex", "Sex", Sex),
    Question("gender_identity", "Gender identity the same as sex registered at birth", YesNo),
    Question("sexual_orientation", "Sexual orientation", SexualOrientation),
    Question("ethnic_group", "Ethnic group", EthnicGroup),
    Question("religion", "Religion", Religion),
    Question("long_term_condition", "Long-term condition or illness (12 months or more)", LongTermCondition),
    Question("activities_reduced", "Condition or illness reduces day-to-day activities", ActivitiesReduced),
    Question("disabled_identity", "Disabled person", YesNo),
    Question("unpaid_care", "Unpaid care", UnpaidCare),
)

QUESTION_BY_FIELD = {question.field: question for question in QUESTIONS}

# Answers worked out from other answers, which can be counted as if they were questions.
DERIVED_QUESTIONS: dict[str, type[models.TextChoices]] = {
    "ethnic_group_high_level": EthnicGroupHighLevel,
    "disability": Disability,
}
