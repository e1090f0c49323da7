"""The payments pages in Easy Read, for a member or carer who asked for it: short sentences, one idea
in each, everyday words, money as "£20.00", and a picture from the Easy Read set beside each sentence
(as on the Easy Read co-production page). The pictures only show what their sentence says, so their
``alt`` is empty.
"""

from decimal import Decimal

from coproduce.easyread.choices import Pictogram
from coproduce.easyread.co_production import Line
from coproduce.involvement.models import Activity
from coproduce.payments.choices import ClaimStatus, ExpenseKind, OfferStatus, PaymentMethod
from coproduce.payments.models import Claim, ExpenseItem, PaymentOffer
from coproduce.payments.money import pounds
from coproduce.payments.queries import Statement

# How each way of being paid is said in Easy Read, on the form and in sentences.
METHODS = {
    PaymentMethod.BANK_TRANSFER: "Money paid into my bank account",
    PaymentMethod.VOUCHER: "A shopping voucher",
    PaymentMethod.CASH: "Cash",
}
DECLINE = "I do not want to be paid"

EXPENSES = {
    ExpenseKind.TRAVEL: "Travel, like a bus or a taxi",
    ExpenseKind.CARER_COVER: "A carer or helper",
    ExpenseKind.CHILDCARE: "Someone to look after my children",
    ExpenseKind.DATA: "Internet or phone data",
    ExpenseKind.OTHER: "Something else",
}


def taking_part(activity: Activity) -> str:
    """ "coming to the workshop", or "taking part in the survey" for what is not done in a room."""
    kind = activity.get_kind_display().lower()
    return f"coming to the {kind}" if activity.has_venue else f"taking part in the {kind}"


def offer_lines(offer: PaymentOffer) -> list[Line]:
    activity = offer.attendance.activity
    return [
        Line(f"We will pay you {pounds(offer.amount)} for {taking_part(activity)}.", Pictogram.MONEY),
        Line(f"The {activity.get_kind_display().lower()} was on {activity.starts_at:%-d %B %Y}.", Pictogram.CALENDAR),
        Line("We also pay you back for travel and other costs.", Pictogram.BUS),
    ]


def benefits_lines(organisation: dict[str, str]) -> list[Line]:
    """The benefits notice, in Easy Read."""
    ask = f"Email {organisation['email']}" + (f" or phone {organisation['phone']}" if organisation["phone"] else "")
    return [
        Line("Do you get benefits? Being paid can change your benefits.", Pictogram.INFORMATION),
        Line("A voucher or cash counts as being paid too.", Pictogram.MONEY),
        Line("It is your choice. You can say no to being paid.", Pictogram.YES),
        Line("If you say no, we still pay you back for travel and other costs.", Pictogram.BUS),
        Line("If you get benefits, tell the Jobcentre about the money.", Pictogram.SPEECH),
        Line("We have a letter you can give to the Jobcentre.", Pictogram.BOOK),
        Line("Not sure? Ask Citizens Advice for help before you choose.", Pictogram.QUESTION),
        Line(f"You can ask us too. {ask}.", Pictogram.PHONE),
    ]


def choice_lines(offer: PaymentOffer) -> list[Line]:
    """What the person chose (nothing if they have not chosen yet)."""
    if offer.status == OfferStatus.ACCEPTED:
        return [Line(f"You chose: {METHODS[PaymentMethod(offer.method)].lower()}.", Pictogram.YES)]
    if offer.status == OfferStatus.DECLINED:
        return [Line("You chose not to be paid.", Pictogram.NO)]
    return []


def choice_saved(offer: PaymentOffer, *, bank_details_next: str) -> str:
    """The message after the person saved their choice."""
    if offer.status == OfferStatus.DECLINED:
        return "We saved your choice. You do not want to be paid. You can still ask for travel and other costs."
    saved = f"We saved your choice: {METHODS[PaymentMethod(offer.method)].lower()}."
    return f"{saved} {bank_details_next}" if bank_details_next else saved


STATUS = {
    ClaimStatus.DRAFT: ("You have not sent this yet.", Pictogram.PEN),
    ClaimStatus.SUBMITTED: ("We have got your claim. We will check it.", Pictogram.MAGNIFIER),
    ClaimStatus.APPROVED: ("We said yes to your claim. We will pay you soon.", Pictogram.YES),
    ClaimStatus.REJECTED: ("We said no to your claim.", Pictogram.NO),
    ClaimStatus.PAID: ("We have paid you.", Pictogram.MONEY),
}

# Short words for a claim's status in a tag.
STATUS_TAGS = {
    ClaimStatus.DRAFT: "Not sent",
    ClaimStatus.SUBMITTED: "We are checking it",
    ClaimStatus.APPROVED: "Yes, paying soon",
    ClaimStatus.REJECTED: "No",
    ClaimStatus.PAID: "Paid",
}


def status_lines(claim: Claim) -> list[Line]:
    text, picture = STATUS[ClaimStatus(claim.status)]
    lines = [Line(text, picture)]
    if claim.status == ClaimStatus.PAID and claim.paid_on is not None:
        lines.append(Line(f"We paid you on {claim.paid_on:%-d %B %Y}.", Pictogram.CALENDAR))
    if claim.status == ClaimStatus.REJECTED and claim.rejection_reason:
        lines.append(Line(f"This is why: {claim.rejection_reason}", Pictogram.QUESTION))
    return lines


def item_line(item: ExpenseItem) -> Line:
    what = EXPENSES[ExpenseKind(item.kind)].lower()
    details = f" ({item.description})" if item.description else ""
    receipt = " You sent a receipt." if item.receipt else ""
    return Line(f"{pounds(item.amount)} for {what}{details}.{receipt}", Pictogram.BUS)


def fee_line(fee: Decimal | None) -> Line | None:
    return Line(f"{pounds(fee)} for your time.", Pictogram.MONEY) if fee else None


def total_line(grand_total: Decimal) -> Line:
    return Line(f"In total: {pounds(grand_total)}.", Pictogram.MONEY)


def statement_lines(found: Statement, organisation: dict[str, str]) -> list[str]:
    """The tax-year statement in Easy Read: one short idea a line, money as "£50.00"."""
    lines = [
        f"This paper is for {found.person.full_name}.",
        f"It is from {organisation['name']}.",
        f"It says what we paid you from {found.starts_on:%-d %B %Y} to {found.ends_on:%-d %B %Y}.",
    ]
    for claim in found.claims:
        lines.append(f"On {claim.paid_on:%-d %B %Y} we paid you for {claim.attendance.activity.title}.")
        if claim.fee:
            lines.append(f"For your time: {pounds(claim.fee)}.")
        if claim.expenses_total:  # type: ignore[attr-defined]
            lines.append(f"Travel and other costs: {pounds(claim.expenses_total)}.")  # type: ignore[attr-defined]
    if not found.claims:
        lines.append("We did not pay you anything in this time.")
    return [
        *lines,
        f"In total for your time: {pounds(found.fees)}.",
        f"In total for travel and other costs: {pounds(found.expenses)}.",
        "Money for your time can change your benefits. Vouchers and cash count too.",
        "Money back for travel and other costs does not usually change your benefits.",
        "Keep this paper. The Jobcentre may ask to see it.",
    ]
