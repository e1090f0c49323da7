"""The first charter, made from the co-production model, and the first courses of the catalogue.

Plain data and functions that take the model classes, so the data migration (with its historical
models) and ``services.ensure_learning_defaults`` (after a test flushes the database) make the same rows.
"""

from typing import Any

from coproduce.model import STEPS, VALUES

CHARTER_INTRODUCTION = (
    "We agree to champion co-production. People who use services, carers and communities work with "
    "professionals as equal partners, from the start of a project to its end."
)
EASY_READ_INTRODUCTION = "We want to do things together. This is our promise."


def first_charter_text() -> str:
    values = "\n".join(f"{value.number}. {value.title}: {value.seed_text}" for value in VALUES)
    steps = "\n".join(f"{step.number}. {step.title}: {step.seed_text}" for step in STEPS)
    return f"{CHARTER_INTRODUCTION}\n\nOur five values\n{values}\n\nOur six steps\n{steps}"


def first_charter_easy_read_text() -> str:
    values = "\n".join(f"{value.number}. {value.plain}" for value in VALUES)
    steps = "\n".join(f"{step.number}. {step.plain}" for step in STEPS)
    return f"{EASY_READ_INTRODUCTION}\n\nWhat matters to us\n{values}\n\nWhat we will do\n{steps}"


# title, description, audiences (members, allies, partners, staff), materials (title, format, link)
COURSES: tuple[tuple[str, str, tuple[bool, bool, bool, bool], tuple[tuple[str, str, str], ...]], ...] = (
    (
        "What co-production is",
        "What co-production means, why it matters and how we do it here. We look at our five values and "
        "six steps, and the ladder of co-production.",
        (True, True, True, True),
        (
            ("Co-production: the basics", "standard", "https://www.thinklocalactpersonal.org.uk/co-production/"),
            ("Co-production: the basics", "easy_read", "https://www.thinklocalactpersonal.org.uk/co-production/"),
        ),
    ),
    (
        "Chairing inclusive meetings",
        "How to run a meeting where everyone can take part: breaks, plain words, time to think and more "
        "than one way to speak.",
        (True, True, True, True),
        (("Chairing meetings checklist", "large_print", "https://www.scie.org.uk/co-production/"),),
    ),
    (
        "Checking Easy Read",
        "How to check that an Easy Read document is clear, with people who use Easy Read.",
        (True, True, False, True),
        (("How to check Easy Read", "easy_read", "https://www.mencap.org.uk/learning-disability-explained"),),
    ),
    (
        "Understanding budgets",
        "How a budget works, so you can ask good questions about money in a project.",
        (True, True, True, False),
        (("Budgets explained", "standard", "https://www.scie.org.uk/co-production/"),),
    ),
)


def ensure_defaults(charter_version: Any, course: Any, material: Any) -> None:
    """Create charter version 1 and the first courses, unless they exist (given the model classes)."""
    charter_version.objects.get_or_create(
        number=1, defaults={"text": first_charter_text(), "easy_read_text": first_charter_easy_read_text()}
    )
    for title, description, (members, allies, partners, staff), materials in COURSES:
        made, created = course.objects.get_or_create(
            title=title,
            defaults={
                "description": description,
                "for_members": members,
                "for_allies": allies,
                "for_partners": partners,
                "for_staff": staff,
            },
        )
        if created:
            for material_title, format, link in materials:
                material.objects.create(course=made, title=material_title, format=format, link=link)
