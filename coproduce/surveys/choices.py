"""The fixed survey items and the answer scale, each with standard and Easy Read wording."""

from django.db import models


class Item(models.TextChoices):
    """Our own experience items (values 4 and 5 of the model). The value names the answer column."""

    LISTENED = "listened", "I felt listened to"
    SAY = "say", "I could say what I think"
    FORMAT = "format", "I had information in a format I could use"
    NEXT_STEPS = "next_steps", "I know what will happen with what I said"
    SUPPORT = "support", "I had the support I needed"


EASY_READ_ITEMS: dict[str, str] = {
    Item.LISTENED: "People listened to me.",
    Item.SAY: "I could tell people what I think.",
    Item.FORMAT: "I got information in a way I could understand.",
    Item.NEXT_STEPS: "I know what will happen next with my ideas.",
    Item.SUPPORT: "I got the help I needed.",
}


class Answer(models.TextChoices):
    STRONGLY_AGREE = "strongly_agree", "Strongly agree"
    AGREE = "agree", "Agree"
    NEITHER = "neither", "Neither agree nor disagree"
    DISAGREE = "disagree", "Disagree"
    STRONGLY_DISAGREE = "strongly_disagree", "Strongly disagree"
    PREFER_NOT = "prefer_not", "Prefer not to say"


EASY_READ_ANSWERS: dict[str, str] = {
    Answer.STRONGLY_AGREE: "Yes, a lot",
    Answer.AGREE: "Yes",
    Answer.NEITHER: "Not sure",
    Answer.DISAGREE: "No",
    Answer.STRONGLY_DISAGREE: "No, not at all",
    Answer.PREFER_NOT: "I do not want to say",
}

AGREEING = (Answer.STRONGLY_AGREE, Answer.AGREE)
