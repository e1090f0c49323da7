"""What co-production is, in Easy Read: the definition, the five values and the six steps.

The words follow ``coproduce.model`` (the single source of the model), written again the Easy Read
way: one idea in each sentence, short sentences, everyday words, numbers as digits, and a picture
beside every sentence. A picture that only shows what its sentence says has an empty ``alt`` (a
screen reader would read the idea twice); a picture that adds something the words do not say has
alt text that says it.
"""

from dataclasses import dataclass

from coproduce.easyread.choices import Pictogram

TITLE = "What co-production is"


@dataclass(frozen=True)
class Line:
    text: str
    picture: Pictogram
    alt: str = ""  # blank: the picture shows what the sentence says

    @property
    def picture_path(self) -> str:
        """The pictogram's path under the static files."""
        return f"easyread/pictograms/{self.picture.value}"


@dataclass(frozen=True)
class Part:
    """One value or step: its number in the model, an Easy Read heading and its sentences."""

    number: int
    title: str
    lines: tuple[Line, ...]


INTRODUCTION: tuple[Line, ...] = (
    Line("Co-production means working together as equals.", Pictogram.GROUP_MEETING),
    Line("People who use services help to plan them.", Pictogram.PEN),
    Line("They help to make them, run them and check them.", Pictogram.MAGNIFIER),
    Line("You are an expert in your own life.", Pictogram.PERSON),
    Line("What you know counts as much as what staff know.", Pictogram.SCALES, alt="Balanced scales"),
)

VALUES: tuple[Part, ...] = (
    Part(
        1,
        "Co-production belongs to everyone",
        (
            Line("Co-production belongs to everyone.", Pictogram.GROUP_MEETING),
            Line("Everyone knows what co-production is.", Pictogram.INFORMATION),
            Line("Everyone helps to make it work.", Pictogram.YES),
            Line("It is not just 1 person's job.", Pictogram.PERSON),
        ),
    ),
    Part(
        2,
        "We are open and honest",
        (
            Line("We are open and honest with each other.", Pictogram.SPEECH),
            Line("We share what we know.", Pictogram.INFORMATION),
            Line("Sometimes a thing cannot change.", Pictogram.NO),
            Line("We tell you when a thing cannot change.", Pictogram.SPEECH),
            Line("We tell you why.", Pictogram.QUESTION),
        ),
    ),
    Part(
        3,
        "We share power",
        (
            Line("We share power with each other.", Pictogram.SCALES, alt="Balanced scales: power shared equally"),
            Line("We make decisions together.", Pictogram.GROUP_MEETING),
            Line("Staff do not decide everything on their own.", Pictogram.NO),
        ),
    ),
    Part(
        4,
        "We use clear words",
        (
            Line("We use words that everyone can understand.", Pictogram.SPEECH),
            Line("We give you information in a way that works for you.", Pictogram.INFORMATION),
            Line("You can ask for Easy Read, large print or audio.", Pictogram.BOOK),
        ),
    ),
    Part(
        5,
        "Everyone matters",
        (
            Line("Everyone matters.", Pictogram.HEART),
            Line("We listen to each other.", Pictogram.GROUP_MEETING),
            Line("We treat each other with respect.", Pictogram.PERSON),
        ),
    ),
)

STEPS: tuple[Part, ...] = (
    Part(
        1,
        "Agree to support co-production",
        (
            Line("People sign a promise to support co-production.", Pictogram.PEN),
            Line("The promise is called the charter.", Pictogram.BOOK),
            Line("People who sign it speak up for co-production.", Pictogram.SPEECH),
        ),
    ),
    Part(
        2,
        "Ask lots of different people",
        (
            Line("We ask lots of different people to take part.", Pictogram.GROUP_MEETING),
            Line("We help them to join in.", Pictogram.YES),
            Line("Some people are often left out.", Pictogram.PERSON),
            Line("We try extra hard to include them.", Pictogram.HEART),
        ),
    ),
    Part(
        3,
        "Always say thank you",
        (
            Line("We always say thank you for what you do.", Pictogram.HEART),
            Line("We tell you how your ideas helped.", Pictogram.SPEECH),
            Line("We pay you for your time.", Pictogram.MONEY),
        ),
    ),
    Part(
        4,
        "Start together",
        (
            Line("We ask people to help from the very start of a project.", Pictogram.FLAG),
            Line("We look for where co-production can help most.", Pictogram.MAGNIFIER),
        ),
    ),
    Part(
        5,
        "Training for everyone",
        (
            Line("We give training to everyone.", Pictogram.BOOK),
            Line("Then everyone knows what co-production is.", Pictogram.INFORMATION),
            Line("Everyone knows how to make it happen.", Pictogram.YES),
        ),
    ),
    Part(
        6,
        "Check and tell everyone",
        (
            Line("We often check how things are going.", Pictogram.MAGNIFIER),
            Line("We check every 3 months.", Pictogram.CALENDAR),
            Line("We tell everyone what we find.", Pictogram.SPEECH),
        ),
    ),
)
